// The operations issue 15 added, given what they must refuse: the public curator directory,
// partner apps' feedback and its status, the systemic-error register, KPI formulas and the
// population. Each bad request is answered with a typed error (or nothing, for a read) and
// changes nothing.
import { randomUUID } from "node:crypto";
import { prisma } from "../../../api/lib/db.js";
import { toGlobalId } from "../../../api/lib/ids.js";
import type { Fixtures } from "./fixtures.js";
import { answered, type Case, either, empty, mutation, post, refused, rejected, union } from "./harness.js";

const REFUSED_READ = ["BAD_USER_INPUT", "NOT_FOUND"];

export async function issue15Cases(f: Fixtures): Promise<Record<string, Case[]>> {
  const smolensk = await prisma.region.findUniqueOrThrow({ where: { code: "67" } });
  const foreignMunicipality = await prisma.municipality.findFirstOrThrow({
    where: { regionId: f.otherRegions[0]?.id },
    orderBy: { id: "asc" },
  });
  const smolenskService = await prisma.service.findFirstOrThrow({
    where: { regionId: smolensk.id, socialSignificant: true },
    orderBy: { name: "asc" },
  });
  const openError = await prisma.systemicError.findFirstOrThrow({
    where: { regionId: smolensk.id, status: "REPORTED" },
    orderBy: { id: "asc" },
  });
  const foreignFeedback = await prisma.feedback.findFirstOrThrow({
    where: { regionId: { notIn: f.curatorRegionIds } },
    orderBy: { id: "asc" },
  });
  const smolenskFeedback = await prisma.feedback.findFirstOrThrow({
    where: { regionId: smolensk.id },
    orderBy: { id: "asc" },
  });
  const id = (type: string, uuid: string) => toGlobalId(type, uuid);
  const unknown = (type: string) => toGlobalId(type, randomUUID());

  // ── The curator directory (reads) ──
  const curators = (input: Record<string, unknown>, headers = f.partner) =>
    post(
      "query C($input: ServiceCuratorsInput!) { serviceCurators(input: $input) { curator { fullName } } }",
      { input },
      headers,
    );
  const directory = (input: Record<string, unknown>, first = 5, headers = f.partner) =>
    post(
      "query D($input: CuratorDirectoryInput!, $first: Int) { curatorDirectory(input: $input, first: $first) { totalCount edges { node { curator { fullName } } } } }",
      { input, first },
      headers,
    );
  const smolenskId = id("Region", smolensk.id);
  const directoryCases: Case[] = [
    {
      name: "serviceCurators of a malformed id",
      run: () => curators({ serviceId: "x" }),
      expect: refused(...REFUSED_READ),
    },
    {
      name: "serviceCurators of a centre's id",
      run: () => curators({ serviceId: f.curatorCentre.id }),
      expect: refused(...REFUSED_READ),
    },
    {
      name: "serviceCurators of an unknown service",
      run: () => curators({ serviceId: unknown("Service") }),
      expect: refused(...REFUSED_READ),
    },
    {
      name: "serviceCurators of a federal service without a region",
      run: () => curators({ serviceId: f.serviceId }),
      expect: refused(...REFUSED_READ),
    },
    {
      name: "serviceCurators in another region's municipality",
      run: () =>
        curators({
          serviceId: id("Service", smolenskService.id),
          municipalityId: id("Municipality", foreignMunicipality.id),
        }),
      expect: refused(...REFUSED_READ),
    },
    {
      name: "serviceCurators for a key without registry:read",
      run: () => curators({ serviceId: id("Service", smolenskService.id) }, f.feedbackPartner),
      expect: refused("FORBIDDEN"),
    },
    {
      name: "curatorDirectory of a malformed region",
      run: () => directory({ regionId: "%%" }),
      expect: refused(...REFUSED_READ),
    },
    {
      name: "curatorDirectory searching 201 characters",
      run: () => directory({ regionId: smolenskId, search: "я".repeat(201) }),
      expect: refused("BAD_USER_INPUT"),
    },
    {
      name: "curatorDirectory, first -1",
      run: () => directory({ regionId: smolenskId }, -1),
      expect: refused("BAD_USER_INPUT"),
    },
    {
      name: "curatorDirectory, first 100000 (clamped to a page of 100)",
      run: () => directory({ regionId: smolenskId }, 100_000),
      expect: answered("curatorDirectory", (v) => ((v as { edges?: unknown[] })?.edges?.length ?? 999) <= 100),
    },
    {
      name: "curatorDirectory in another region's municipality",
      run: () => directory({ regionId: smolenskId, municipalityId: id("Municipality", foreignMunicipality.id) }),
      expect: either(refused(...REFUSED_READ), empty("curatorDirectory")),
    },
  ];

  // ── Partner apps' feedback ──
  const submit = (input: Record<string, unknown>, headers = f.feedbackPartner) =>
    mutation("submitCitizenFeedback", "SubmitCitizenFeedbackInput")(input, headers);
  const complaint = (extra: Record<string, unknown>) => ({
    serviceId: id("Service", smolenskService.id),
    text: "Форма не принимает СНИЛС",
    externalId: `bad-${f.run}`,
    ...extra,
  });
  const feedbackCases: Case[] = [
    ...[0, 6, -1, 2.5].map(
      (rating): Case => ({
        name: `submitCitizenFeedback with ratingStaff ${rating}`,
        run: () => submit(complaint({ ratingStaff: rating })),
        expect: rejected("submitCitizenFeedback"),
        write: true,
      }),
    ),
    ...["", "   "].map(
      (text): Case => ({
        name: `submitCitizenFeedback with text ${JSON.stringify(text)}`,
        run: () => submit(complaint({ text })),
        expect: rejected("submitCitizenFeedback"),
        write: true,
      }),
    ),
    ...["", "x".repeat(129)].map(
      (externalId): Case => ({
        name: `submitCitizenFeedback with externalId of ${externalId.length} characters`,
        run: () => submit(complaint({ externalId })),
        expect: rejected("submitCitizenFeedback"),
        write: true,
      }),
    ),
    {
      name: "submitCitizenFeedback about an unknown service",
      run: () => submit(complaint({ serviceId: unknown("Service") })),
      expect: rejected("submitCitizenFeedback"),
      write: true,
    },
    {
      name: "submitCitizenFeedback about a malformed service id",
      run: () => submit(complaint({ serviceId: "42" })),
      expect: rejected("submitCitizenFeedback"),
      write: true,
    },
    {
      name: "submitCitizenFeedback about nothing",
      run: () => submit(complaint({ serviceId: null })),
      expect: rejected("submitCitizenFeedback"),
      write: true,
    },
    {
      name: "submitCitizenFeedback about a federal service without the citizen's region",
      run: () => submit(complaint({ serviceId: f.serviceId })),
      expect: rejected("submitCitizenFeedback"),
      write: true,
    },
    {
      name: "submitCitizenFeedback in a category that is a centre's id",
      run: () => submit(complaint({ categoryId: f.curatorCentre.id })),
      expect: rejected("submitCitizenFeedback"),
      write: true,
    },
    {
      name: "submitCitizenFeedback by a key without feedback:write",
      run: () => submit(complaint({}), f.partner),
      expect: refused("FORBIDDEN"),
      write: true,
    },
    {
      name: "submitCitizenFeedback by a curator",
      run: () => submit(complaint({}), f.curator),
      expect: refused("FORBIDDEN"),
      write: true,
    },
    ...["", "OC-0000000000", "x".repeat(10_000)].map(
      (reference): Case => ({
        name: `feedbackStatus of a reference of ${reference.length} characters`,
        run: () =>
          post(
            "query S($r: String!) { feedbackStatus(reference: $r) { status } }",
            { r: reference },
            f.feedbackPartner,
          ),
        expect: either(empty("feedbackStatus"), refused("BAD_USER_INPUT")),
      }),
    ),
    {
      name: "feedbackStatus by a key without feedback:write",
      run: () => post('{ feedbackStatus(reference: "OC-0000000000") { status } }', {}, f.partner),
      expect: refused("FORBIDDEN"),
    },
  ];

  // ── The systemic-error register (the curator of Smolensk and Udmurtia) ──
  const create = (input: Record<string, unknown>, headers = f.curator) =>
    mutation("createSystemicError", "CreateSystemicErrorInput")(input, headers);
  const anError = (extra: Record<string, unknown>) => ({
    serviceId: id("Service", smolenskService.id),
    title: "Форма отклоняет СНИЛС",
    dueAt: "2071-01-31",
    ...extra,
  });
  const transition = (input: Record<string, unknown>) =>
    mutation("transitionSystemicError", "TransitionSystemicErrorInput")(input, f.curator);
  const errorId = id("SystemicError", openError.id);
  const registerCases: Case[] = [
    ...["2026-02-30", "31.01.2071", ""].map(
      (dueAt): Case => ({
        name: `createSystemicError due ${JSON.stringify(dueAt)}`,
        run: () => create(anError({ dueAt })),
        expect: rejected("createSystemicError"),
        write: true,
      }),
    ),
    ...["", "я".repeat(301)].map(
      (title): Case => ({
        name: `createSystemicError titled with ${title.length} characters`,
        run: () => create(anError({ title })),
        expect: rejected("createSystemicError"),
        write: true,
      }),
    ),
    {
      name: "createSystemicError in a region not the curator's",
      run: () => create(anError({ serviceId: null, regionId: id("Region", f.otherRegions[0]?.id ?? "") })),
      expect: either(rejected("createSystemicError"), union("createSystemicError", "ForbiddenError")),
      write: true,
    },
    {
      name: "createSystemicError linking another region's feedback",
      run: () => create(anError({ feedbackIds: [id("Feedback", foreignFeedback.id)] })),
      expect: either(rejected("createSystemicError"), union("createSystemicError", "ForbiddenError")),
      write: true,
    },
    {
      name: "createSystemicError linking 101 feedback",
      run: () => create(anError({ feedbackIds: Array.from({ length: 101 }, () => unknown("Feedback")) })),
      expect: rejected("createSystemicError"),
      write: true,
    },
    {
      name: "createSystemicError by the auditor",
      run: () => create(anError({}), f.auditor),
      expect: refused("FORBIDDEN"),
      write: true,
    },
    {
      name: "transitionSystemicError straight to CONFIRMED",
      run: () => transition({ id: errorId, version: openError.version, to: "CONFIRMED" }),
      expect: rejected("transitionSystemicError"),
      write: true,
    },
    {
      name: "transitionSystemicError to FIXED without a resolution",
      run: () => transition({ id: errorId, version: openError.version, to: "FIXED" }),
      expect: rejected("transitionSystemicError"),
      write: true,
    },
    {
      name: "transitionSystemicError at a stale version",
      run: () => transition({ id: errorId, version: openError.version + 7, to: "REPORTED" }),
      expect: union("transitionSystemicError", "ConflictError"),
      write: true,
    },
    {
      name: "transitionSystemicError of another region's error",
      run: () => transition({ id: f.foreignSystemicErrorId, version: 1, to: "REPORTED" }),
      expect: either(rejected("transitionSystemicError"), union("transitionSystemicError", "ForbiddenError")),
      write: true,
    },
    {
      name: "updateSystemicError of another region's error",
      run: () =>
        mutation("updateSystemicError", "UpdateSystemicErrorInput")(
          { id: f.foreignSystemicErrorId, version: 1, title: "Захват" },
          f.curator,
        ),
      expect: either(rejected("updateSystemicError"), union("updateSystemicError", "ForbiddenError")),
      write: true,
    },
    {
      name: "linkFeedbackToSystemicError to another region's error",
      run: () =>
        mutation("linkFeedbackToSystemicError", "LinkFeedbackToSystemicErrorInput")(
          {
            feedbackId: id("Feedback", smolenskFeedback.id),
            version: smolenskFeedback.version,
            systemicErrorId: f.foreignSystemicErrorId,
          },
          f.curator,
        ),
      expect: either(rejected("linkFeedbackToSystemicError"), union("linkFeedbackToSystemicError", "ForbiddenError")),
      write: true,
    },
    {
      name: "systemicErrors searching 201 characters",
      run: () => post(`{ systemicErrors(filter: { search: "${"ж".repeat(201)}" }) { totalCount } }`, {}, f.curator),
      expect: refused("BAD_USER_INPUT"),
    },
    {
      name: "systemicErrors of a status that does not exist",
      run: () => post("{ systemicErrors(filter: { status: SOLVED }) { totalCount } }", {}, f.curator),
      expect: refused("GRAPHQL_VALIDATION_FAILED"),
    },
    {
      name: "systemicErrors for a partner key",
      run: () => post("{ systemicErrors { totalCount } }", {}, f.partner),
      expect: refused("FORBIDDEN"),
    },
  ];

  // ── KPI formulas and the population ──
  const createKpi = (extra: Record<string, unknown>) =>
    mutation("createKpi", "CreateKpiInput")(
      {
        code: `BAD_${f.run.toUpperCase()}`,
        name: "Плохая формула",
        formula: "—",
        unit: "%",
        targetValue: 70,
        targetYear: 2030,
        source: "COMPUTED",
        ...extra,
      },
      f.admin,
    );
  const badDefinitions: [string, Record<string, unknown> | null, string?][] = [
    ["a COMPUTED KPI without a formula", null],
    ["an ENTERED KPI with a formula", { kind: "POPULATION" }, "ENTERED"],
    ["a share without the property shared", { kind: "SERVICE_SHARE", services: { socialSignificant: true } }],
    ["an indicator without its code", { kind: "INDICATOR" }],
    ["an indicator no form has", { kind: "INDICATOR", indicatorCode: "NO_SUCH_INDICATOR" }],
    ["an indicator code in lower case", { kind: "INDICATOR", indicatorCode: "users" }],
    ["a ratio without its denominator", { kind: "RATIO", numerator: { kind: "POPULATION" } }],
    [
      "a ratio whose term is a ratio",
      { kind: "RATIO", numerator: { kind: "RATIO" }, denominator: { kind: "POPULATION" } },
    ],
    [
      "a ratio multiplied by infinity's neighbour",
      { kind: "RATIO", numerator: { kind: "POPULATION" }, denominator: { kind: "POPULATION" }, multiplier: 1e300 },
    ],
    ["a population term with a property", { kind: "POPULATION", having: { electronic: true } }],
  ];
  const record = (input: Record<string, unknown>, headers = f.curator) =>
    mutation("recordPopulation", "RecordPopulationInput")(
      { regionId: smolenskId, year: 2071, count: 880_000, ...input },
      headers,
    );
  const kpiCases: Case[] = [
    ...badDefinitions.map(
      ([name, definition, source]): Case => ({
        name: `createKpi: ${name}`,
        run: () => createKpi({ definition, ...(source ? { source } : {}) }),
        expect: rejected("createKpi"),
        write: true,
      }),
    ),
    ...[0, -5, 2.5, 300_000_000].map(
      (count): Case => ({
        name: `recordPopulation of ${count} residents`,
        run: () => record({ count }),
        expect: rejected("recordPopulation"),
        write: true,
      }),
    ),
    ...[1800, 2200].map(
      (year): Case => ({
        name: `recordPopulation for ${year}`,
        run: () => record({ year }),
        expect: rejected("recordPopulation"),
        write: true,
      }),
    ),
    {
      name: "recordPopulation of another region's municipality",
      run: () => record({ municipalityId: id("Municipality", foreignMunicipality.id) }),
      expect: rejected("recordPopulation"),
      write: true,
    },
    {
      name: "recordPopulation in a region not the curator's",
      run: () => record({ regionId: id("Region", f.otherRegions[0]?.id ?? "") }),
      expect: either(rejected("recordPopulation"), union("recordPopulation", "ForbiddenError")),
      write: true,
    },
    {
      name: "recordPopulation by the auditor",
      run: () => record({}, f.auditor),
      expect: refused("FORBIDDEN"),
      write: true,
    },
    {
      name: "population of a year written as words",
      run: () => post('{ population(filter: { year: "двадцать" }) { totalCount } }', {}, f.partner),
      expect: refused("GRAPHQL_VALIDATION_FAILED"),
    },
    {
      name: "population of another region, for the curator",
      run: () =>
        post(
          "query P($r: ID) { population(filter: { regionId: $r }) { totalCount } }",
          { r: id("Region", f.otherRegions[0]?.id ?? "") },
          f.curator,
        ),
      expect: either(empty("population"), refused(...REFUSED_READ)),
    },
    {
      name: "assignCurator in another region's municipality",
      run: () =>
        mutation("assignCurator", "AssignCuratorInput")(
          {
            personId: f.curatorPerson.id,
            role: "SERVICE_CURATOR",
            targetType: "SERVICE",
            serviceId: id("Service", smolenskService.id),
            regionId: smolenskId,
            municipalityId: id("Municipality", foreignMunicipality.id),
            validFrom: "2071-01-01",
            primary: true,
          },
          f.curator,
        ),
      expect: rejected("assignCurator"),
      write: true,
    },
    {
      name: "kpiProgress of a malformed municipality",
      run: () => post('{ kpiProgress(input: { municipalityId: "??" }) { value } }', {}, f.partner),
      expect: either(refused(...REFUSED_READ), answered("kpiProgress", Array.isArray)),
    },
  ];

  return {
    "curator directory": directoryCases,
    "partner feedback": feedbackCases,
    "systemic-error register": registerCases,
    "KPI formulas and population": kpiCases,
  };
}
