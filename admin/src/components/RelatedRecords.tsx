import type { ReactNode } from "react";
import { DataTable, Pagination, ReferenceManyField, type SortPayload, useTranslate } from "react-admin";

interface RelatedRecordsProps {
  /** The resource that refers to the record on the page, and its field that does. */
  reference: string;
  target: string;
  sort?: SortPayload;
  /** An i18n key: the line shown when there are none. */
  empty: string;
  /** The table's columns (DataTable.Col). */
  children: ReactNode;
}

const Empty = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return <span>{translate(text)}</span>;
};

/** The records that refer to the record on the page, 25 a page, each opening its own page. */
export const RelatedRecords = ({ reference, target, sort, empty, children }: RelatedRecordsProps) => (
  <ReferenceManyField
    reference={reference}
    target={target}
    label={false}
    perPage={25}
    sort={sort}
    pagination={<Pagination />}
    empty={<Empty text={empty} />}
  >
    <DataTable bulkActionButtons={false} rowClick="show">
      {children}
    </DataTable>
  </ReferenceManyField>
);
