// Analytics latency cases (issue 5), run by `npm run bench` (test/bench/index.ts) against the
// server it starts on the national data set: every analytics query for one national region
// (N01) and for the whole country as an administrator, p50/p95 of sequential requests.

const WARMUP = 3;
const MEASURED = 30;
/** Per query and scope: a pathological query stops early instead of stretching the run. */
const CASE_BUDGET_MS = 20_000;
const TARGET_P50 = 100;
const TARGET_P95 = 250;

interface Case {
  name: string;
  scope: "N01" | "country";
  query: string;
  variables: Record<string, unknown>;
}

export interface AnalyticsResult {
  query: string;
  scope: string;
  samples: number;
  p50: number | null;
  p95: number | null;
  status: "OK" | "MISS" | "FAILED";
  error?: string;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function ranges() {
  const now = new Date();
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  return {
    today: day(now),
    // The national seed covers the last 10 × 12 complete months.
    tenYearsFrom: day(new Date(Date.UTC(y, m - 120, 1))),
    lastMonthEnd: day(new Date(Date.UTC(y, m, 0))),
    yearFrom: day(new Date(Date.UTC(y, m - 12, 1))),
    yearAgo: day(new Date(Date.UTC(y - 1, m, now.getUTCDate()))),
  };
}

function cases(regionId: string, formId: string): Case[] {
  const r = ranges();
  const list: Case[] = [];
  for (const scope of ["N01", "country"] as const) {
    const region = scope === "N01" ? regionId : null;
    const activityScope = region ? { regionId: region } : null;
    const add = (name: string, query: string, variables: Record<string, unknown>) =>
      list.push({ name, scope, query, variables });
    const dynamics = `query($input: IndicatorDynamicsInput!) {
      indicatorDynamics(input: $input) { label period total rural change changePct } }`;
    add("indicatorDynamics USERS/MONTH 10y", dynamics, {
      input: {
        indicatorCode: "USERS",
        granularity: "MONTH",
        from: r.tenYearsFrom,
        to: r.lastMonthEnd,
        scope: activityScope,
      },
    });
    add("indicatorDynamics USERS/YEAR 10y", dynamics, {
      input: {
        indicatorCode: "USERS",
        granularity: "YEAR",
        from: r.tenYearsFrom,
        to: r.lastMonthEnd,
        scope: activityScope,
      },
    });
    const activity = (field: string) => `query($input: ActivityRangeInput!) {
      ${field}(input: $input) { indicatorCode name total } }`;
    add("requestsByCategory 12m", activity("requestsByCategory"), {
      input: { from: r.yearFrom, to: r.lastMonthEnd, scope: activityScope },
    });
    add("eventsByType 12m", activity("eventsByType"), {
      input: { from: r.yearFrom, to: r.lastMonthEnd, scope: activityScope },
    });
    add("centresByKind", `query($input: CentresByKindInput) { centresByKind(input: $input) { kind total rural } }`, {
      input: { scope: activityScope },
    });
    const place = `query($input: CentresByPlaceInput!) {
      centresByPlace(input: $input) { id name total rural eSignature identity legalInfo } }`;
    add("centresByPlace REGION", place, { input: { groupBy: "REGION", regionId: region } });
    add("centresByPlace MUNICIPALITY", place, { input: { groupBy: "MUNICIPALITY", regionId: region } });
    add(
      "kpiProgress",
      `query($input: KpiProgressInput) { kpiProgress(input: $input) {
        kpi { id code } region { id } source target targetYear value year met periodStart periodEnd } }`,
      { input: { regionId: region } },
    );
    add(
      "serviceCompliance",
      `query($input: ServiceComplianceInput) { serviceCompliance(input: $input) {
        service { id name } targetCount metCount notMetCount noDataCount metShare averageRating feedbackCount
        targets { indicatorCode value met } } }`,
      { input: { regionId: region } },
    );
    add(
      "curatorCoverage",
      `query($input: CuratorCoverageInput) { curatorCoverage(input: $input) {
        region { id code } socialServices covered uncovered coveredShare } }`,
      { input: { regionId: region } },
    );
    add(
      "feedbackSla 12m",
      `query($input: FeedbackSlaInput) { feedbackSla(input: $input) {
        total answered open overdue medianHoursToAnswer averageRatingStaff averageRatingTime } }`,
      { input: { regionId: region, from: r.yearAgo, to: r.today } },
    );
    add(
      "alerts",
      `query($input: AlertsInput) { alerts(input: $input) {
        expiringSignatures { totalCount items { centre { id name } validUntil daysLeft } }
        overdueReports { totalCount items { report { id } dueDate daysOverdue } }
        servicesWithoutCurator { totalCount items { region { id } service { id name } } }
        unverifiedCentres { totalCount items { centre { id name } lastVerifiedAt } } } }`,
      { input: { regionId: region } },
    );
    add(
      "mobileOfficeActivity 12m",
      `query($input: MobileOfficeActivityInput!) { mobileOfficeActivity(input: $input) {
        totals { visits peopleServed documents } documents { documentType count }
        bySettlement { settlementId settlement municipality isRural visits peopleServed } } }`,
      { input: { regionId: region, from: r.yearAgo, to: r.today } },
    );
    add(
      "reportingCompleteness COD_MONTHLY/MUNICIPALITY 12m",
      `query($input: ReportingCompletenessInput!) { reportingCompleteness(input: $input) {
        regionId regionCode periodStart periodEnd dueDate expected submitted onTime shareSubmitted shareOnTime } }`,
      { input: { formId, from: r.yearFrom, to: r.lastMonthEnd, level: "MUNICIPALITY", regionId: region } },
    );
  }
  return list;
}

async function post(endpoint: string, token: string, item: Case): Promise<string | null> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: item.query, variables: item.variables }),
  });
  const body = (await response.json()) as { errors?: { message: string }[]; data?: unknown };
  if (body.errors?.length) return body.errors[0]?.message ?? "unknown error";
  if (!response.ok) return `HTTP ${response.status}`;
  return null;
}

async function measure(endpoint: string, token: string, item: Case): Promise<AnalyticsResult> {
  const base = { query: item.name, scope: item.scope };
  try {
    for (let i = 0; i < WARMUP; i++) {
      const error = await post(endpoint, token, item);
      if (error) return { ...base, samples: 0, p50: null, p95: null, status: "FAILED", error };
    }
    const samples: number[] = [];
    const started = performance.now();
    for (let i = 0; i < MEASURED && performance.now() - started < CASE_BUDGET_MS; i++) {
      const t0 = performance.now();
      const error = await post(endpoint, token, item);
      samples.push(performance.now() - t0);
      if (error) return { ...base, samples: samples.length, p50: null, p95: null, status: "FAILED", error };
    }
    samples.sort((a, b) => a - b);
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    const ok = p50 <= TARGET_P50 && p95 <= TARGET_P95;
    return { ...base, samples: samples.length, p50, p95, status: ok ? "OK" : "MISS" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, samples: 0, p50: null, p95: null, status: "FAILED", error: message };
  }
}

/**
 * Times every analytics case over HTTP against a running server holding the national data
 * set: WARMUP + MEASURED sequential requests per case, as an administrator.
 */
export async function runAnalytics(
  endpoint: string,
  token: string,
  regionId: string,
  formId: string,
  print: (line: string) => void,
): Promise<AnalyticsResult[]> {
  print(`analytics: ${WARMUP} warm-up + ${MEASURED} measured sequential requests per case`);
  const results: AnalyticsResult[] = [];
  for (const item of cases(regionId, formId)) {
    const result = await measure(endpoint, token, item);
    results.push(result);
    const ms = result.p50 === null ? result.error : `p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95?.toFixed(1)} ms`;
    print(`  ${item.name} [${item.scope}]: ${result.status} (${ms})`);
  }
  return results;
}

export { TARGET_P50 as ANALYTICS_P50, TARGET_P95 as ANALYTICS_P95 };
