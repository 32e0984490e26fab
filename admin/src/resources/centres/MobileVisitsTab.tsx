import { Alert, Stack, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useRecordContext, useTranslate } from "react-admin";
import { formatDay } from "../../components/DayField";
import { EditableTable } from "../../components/EditableTable";
import { useIntlLocale } from "../../components/localeFields";
import { useCanWrite } from "../../lib/resource";
import { useWriteScope } from "../../lib/writeScope";
import { mutateVersioned, request } from "../../providers/graphql";
import { centreAccess } from "./access";
import { MobileVisitDialog } from "./MobileVisitDialog";
import type { CentreRecord, MobileVisit } from "./types";

/** Visits shown, the latest first: a mobile office goes out about once a month. */
const SHOWN = 100;

const VISITS = `query CentreMobileVisits($id: ID!, $first: Int) {
  node(id: $id) { id ... on Centre { mobileVisits(first: $first) { totalCount edges { node {
    id version visitedOn peopleServed note
    settlement { id name isRural municipality { id name } }
    documents { documentType count }
  } } } } }
}`;

interface VisitsPage {
  totalCount: number;
  visits: MobileVisit[];
}

const documentsTotal = (visit: Pick<MobileVisit, "documents">): number =>
  visit.documents.reduce((sum, document) => sum + document.count, 0);

/**
 * The trips of the mobile office in context, the latest first: where it went, how many people
 * it served and which documents it issued. Writers of the centre's region record, change and
 * remove them.
 */
export const MobileVisitsTab = () => {
  const centre = useRecordContext<CentreRecord>();
  const translate = useTranslate();
  const locale = useIntlLocale();
  const scope = useWriteScope();
  const canWrite =
    useCanWrite({ access: centreAccess }) && scope.canWriteRegion(centre?.region.id) && !centre?.archivedAt;
  const result = useQuery({
    queryKey: ["centre-mobile-visits", centre?.id],
    enabled: centre !== undefined,
    queryFn: ({ signal }) =>
      request<{ node: { mobileVisits?: { totalCount: number; edges: { node: MobileVisit }[] } } | null }>(
        VISITS,
        { id: centre?.id, first: SHOWN },
        signal,
      ).then(
        (data): VisitsPage => ({
          totalCount: data.node?.mobileVisits?.totalCount ?? 0,
          visits: data.node?.mobileVisits?.edges.map((edge) => edge.node) ?? [],
        }),
      ),
  });
  if (!centre) {
    return null;
  }
  if (result.isPending) {
    return <Typography variant="body2">{translate("ra.page.loading")}</Typography>;
  }
  if (result.isError) {
    return <Alert severity="error">{translate("dostup.centres.visits.error")}</Alert>;
  }
  const { visits, totalCount } = result.data;
  const number = new Intl.NumberFormat(locale);
  const knownTypes = [...new Set(visits.flatMap((visit) => visit.documents.map((d) => d.documentType)))].sort((a, b) =>
    a.localeCompare(b, locale),
  );
  const place = (visit: MobileVisit) =>
    `${visit.settlement.name}${visit.settlement.isRural ? ` (${translate("dostup.centres.rural.RURAL").toLowerCase()})` : ""}`;
  return (
    <Stack spacing={1}>
      <EditableTable
        rows={visits}
        rowKey={(visit) => visit.id}
        columns={[
          {
            label: "dostup.centres.visits.visitedOn",
            cell: (visit) => formatDay(visit.visitedOn, locale, { dateStyle: "medium" }),
          },
          {
            label: "dostup.centres.visits.place",
            cell: (visit) => (
              <>
                {place(visit)}
                <Typography variant="body2" color="text.secondary" component="div">
                  {visit.settlement.municipality.name}
                </Typography>
              </>
            ),
          },
          { label: "dostup.centres.visits.peopleServed", cell: (visit) => number.format(visit.peopleServed) },
          {
            label: "dostup.centres.visits.documents",
            cell: (visit) =>
              visit.documents.length === 0 ? (
                "—"
              ) : (
                <Stack spacing={0.25} data-testid="visit-documents">
                  {visit.documents.map((document) => (
                    <span key={document.documentType}>
                      {document.documentType}: {number.format(document.count)}
                    </span>
                  ))}
                </Stack>
              ),
          },
          {
            label: "dostup.centres.visits.total",
            cell: (visit) => <span data-testid="visit-total">{number.format(documentsTotal(visit))}</span>,
          },
          { label: "dostup.centres.visits.note", cell: (visit) => visit.note ?? "—" },
        ]}
        messages="dostup.centres.visits"
        title
        canWrite={canWrite}
        dialog={(visit, close) => (
          <MobileVisitDialog centre={centre} visit={visit} knownTypes={knownTypes} onClose={close} />
        )}
        remove={(visit) => mutateVersioned("removeMobileVisit", visit, "id")}
        removeOptions={(visit) => ({
          date: formatDay(visit.visitedOn, locale, { dateStyle: "medium" }),
          place: visit.settlement.name,
        })}
        testId="mobile-visits"
      />
      {totalCount > visits.length && (
        <Typography variant="body2" color="text.secondary">
          {translate("dostup.centres.visits.latest", { shown: visits.length, total: totalCount })}
        </Typography>
      )}
    </Stack>
  );
};
