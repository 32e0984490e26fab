// The dashboard's reads: one GraphQL operation per card, cached by react-query under the
// variables it was asked with, so cards sharing a query (the four alert lists) fetch it once.
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { request } from "../providers/graphql";

export type Granularity = "YEAR" | "QUARTER" | "MONTH";

export interface RegionOption {
  id: string;
  name: string;
}

export interface Viewer {
  fullName: string;
  allRegions: boolean;
  regions: RegionOption[];
  centre: { id: string; name: string } | null;
}

export interface IndicatorOption {
  code: string;
  name: string;
  hasRuralSplit: boolean;
}

export interface DynamicsPoint {
  period: string;
  label: string;
  total: number;
  rural: number | null;
}

export interface CategoryTotal {
  indicatorCode: string;
  name: string;
  total: number;
}

export interface KpiProgressRow {
  kpi: { id: string; name: string };
  region: { id: string; name: string } | null;
  year: number;
  value: number | null;
  target: number;
  targetYear: number;
  unit: string;
  direction: "AT_LEAST" | "AT_MOST";
  met: boolean;
}

interface CentreRef {
  id: string;
  name: string;
  region: { name: string };
}

export interface Alerts {
  expiringSignatures: { totalCount: number; items: { centre: CentreRef; validUntil: string; daysLeft: number }[] };
  overdueReports: {
    totalCount: number;
    items: {
      report: {
        id: string;
        periodStart: string;
        periodEnd: string;
        centre: { name: string } | null;
        municipality: { name: string } | null;
        region: { name: string };
        form: { name: string };
      };
      dueDate: string;
      daysOverdue: number;
    }[];
  };
  unverifiedCentres: { totalCount: number; items: { centre: CentreRef; lastVerifiedAt: string | null }[] };
  servicesWithoutCurator: {
    totalCount: number;
    items: { service: { id: string; name: string }; region: { id: string; name: string } }[];
  };
  overdueSystemicErrors: {
    totalCount: number;
    items: {
      systemicError: { id: string; title: string; region: { name: string }; service: { name: string } | null };
      dueAt: string;
      daysOverdue: number;
    }[];
  };
}

export type ReportStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "LOCKED";

export interface CentreReport {
  id: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  status: ReportStatus;
  overdue: boolean;
  form: { name: string };
}

const VIEWER = `query DashboardViewer { me { fullName allRegions regions { id name } centre { id name } } }`;
const ALL_REGIONS = `query DashboardRegions { regions(first: 100) { edges { node { id name } } } }`;
const INDICATORS = `query DashboardIndicators { reportForms(first: 100) { edges { node { indicators { code name hasRuralSplit } } } } }`;
const DYNAMICS = `query DashboardDynamics($input: IndicatorDynamicsInput!) { indicatorDynamics(input: $input) { period label total rural } }`;
const REQUESTS = `query DashboardRequests($input: ActivityRangeInput!) { requestsByCategory(input: $input) { indicatorCode name total } }`;
const KPIS = `query DashboardKpis($input: KpiProgressInput) { kpiProgress(input: $input) { kpi { id name } region { id name } year value target targetYear unit direction met } }`;
const ALERTS = `query DashboardAlerts($input: AlertsInput) { alerts(input: $input) {
  expiringSignatures { totalCount items { centre { id name region { name } } validUntil daysLeft } }
  overdueReports { totalCount items { report { id periodStart periodEnd centre { name } municipality { name } region { name } form { name } } dueDate daysOverdue } }
  unverifiedCentres { totalCount items { centre { id name region { name } } lastVerifiedAt } }
  servicesWithoutCurator { totalCount items { service { id name } region { id name } } }
  overdueSystemicErrors { totalCount items { systemicError { id title region { name } service { name } } dueAt daysOverdue } }
} }`;
const CENTRE_REPORTS = `query DashboardCentreReports($filter: ReportFilter) { reports(first: 6, filter: $filter) { totalCount edges { node { id periodStart periodEnd dueDate status overdue form { name } } } } }`;

function useGraphQL<TData, TResult = TData>(
  name: string,
  query: string,
  variables: Record<string, unknown>,
  select?: (data: TData) => TResult,
  enabled = true,
): UseQueryResult<TResult> {
  return useQuery({
    queryKey: ["dashboard", name, variables],
    queryFn: ({ signal }) => request<TData>(query, variables, signal),
    select,
    enabled,
    // A failure is shown on its card with a retry button rather than retried behind the user's back.
    retry: false,
  });
}

export const useViewer = () => useGraphQL<{ me: Viewer | null }, Viewer | null>("viewer", VIEWER, {}, (d) => d.me);

/** Every region for roles that read all of them; others get theirs from `me`. */
export const useAllRegions = (enabled: boolean) =>
  useGraphQL<{ regions: { edges: { node: RegionOption }[] } }, RegionOption[]>(
    "regions",
    ALL_REGIONS,
    {},
    (d) => d.regions.edges.map((edge) => edge.node),
    enabled,
  );

/** Indicators of every report form, once per code (forms share their codes). */
export const useIndicators = () =>
  useGraphQL<{ reportForms: { edges: { node: { indicators: IndicatorOption[] } }[] } }, IndicatorOption[]>(
    "indicators",
    INDICATORS,
    {},
    (d) => {
      const byCode = new Map<string, IndicatorOption>();
      for (const edge of d.reportForms.edges) {
        for (const indicator of edge.node.indicators) {
          if (!byCode.has(indicator.code)) byCode.set(indicator.code, indicator);
        }
      }
      return [...byCode.values()];
    },
  );

export interface Scope {
  regionId?: string;
  centreId?: string;
}

export const useDynamics = (input: {
  indicatorCode: string;
  granularity: Granularity;
  from: string;
  to: string;
  scope: Scope;
}) =>
  useGraphQL<{ indicatorDynamics: DynamicsPoint[] }, DynamicsPoint[]>(
    "dynamics",
    DYNAMICS,
    { input },
    (d) => d.indicatorDynamics,
  );

export const useRequests = (input: { from: string; to: string; scope: Scope }) =>
  useGraphQL<{ requestsByCategory: CategoryTotal[] }, CategoryTotal[]>(
    "requests",
    REQUESTS,
    { input },
    (d) => d.requestsByCategory,
  );

export const useKpis = (regionId: string | undefined) =>
  useGraphQL<{ kpiProgress: KpiProgressRow[] }, KpiProgressRow[]>(
    "kpis",
    KPIS,
    { input: regionId ? { regionId } : null },
    (d) => d.kpiProgress,
  );

export const useAlerts = (regionId: string | undefined) =>
  useGraphQL<{ alerts: Alerts }, Alerts>("alerts", ALERTS, { input: regionId ? { regionId } : null }, (d) => d.alerts);

export const useCentreReports = (centreId: string | undefined) =>
  useGraphQL<
    { reports: { totalCount: number; edges: { node: CentreReport }[] } },
    { totalCount: number; reports: CentreReport[] }
  >(
    "centreReports",
    CENTRE_REPORTS,
    { filter: centreId ? { centreId } : null },
    (d) => ({ totalCount: d.reports.totalCount, reports: d.reports.edges.map((edge) => edge.node) }),
    centreId !== undefined,
  );

export interface MobileActivity {
  bySettlement: {
    settlementId: string;
    settlement: string;
    municipality: string;
    isRural: boolean;
    visits: number;
    peopleServed: number;
  }[];
  documents: { documentType: string; count: number }[];
  totals: { visits: number; peopleServed: number; documents: number };
}

const MOBILE = `query DashboardMobileOffices($input: MobileOfficeActivityInput!) { mobileOfficeActivity(input: $input) {
  bySettlement { settlementId settlement municipality isRural visits peopleServed }
  documents { documentType count }
  totals { visits peopleServed documents }
} }`;

export const useMobileActivity = (input: { from: string; to: string; regionId?: string }) =>
  useGraphQL<{ mobileOfficeActivity: MobileActivity }, MobileActivity>(
    "mobileOffices",
    MOBILE,
    { input },
    (d) => d.mobileOfficeActivity,
  );
