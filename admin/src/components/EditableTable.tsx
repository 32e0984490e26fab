import AddIcon from "@mui/icons-material/Add";
import DeleteIcon from "@mui/icons-material/Delete";
import EditIcon from "@mui/icons-material/Edit";
import { Box, IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { type ReactNode, useState } from "react";
import { Button, Confirm, useTranslate } from "react-admin";
import { useAction } from "../lib/action";

interface EditableColumn<Row> {
  /** The heading, an i18n key. */
  label: string;
  cell: (row: Row) => ReactNode;
}

interface EditableTableProps<Row> {
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  columns: readonly EditableColumn<Row>[];
  /**
   * i18n keys under it: empty, add, edit, and title when `title` is set; remove,
   * remove_title, remove_content and removed when rows can be removed.
   */
  messages: string;
  /** A heading above the table, with the add button beside it. */
  title?: boolean;
  /** Whether the user may add, change and remove rows (the API decides the same). */
  canWrite: boolean;
  /** The dialog that adds a row (`row` undefined) or changes one. */
  dialog: (row: Row | undefined, close: () => void) => ReactNode;
  /** Removes a row after a confirmation whose text gets `removeOptions` of it. */
  remove?: (row: Row) => Promise<unknown>;
  removeOptions?: (row: Row) => Record<string, unknown>;
  maxWidth?: number;
  testId: string;
}

/**
 * A small table of the record on the page (a centre's special days or services, a
 * municipality's settlements) that writers change row by row in dialogs.
 */
export function EditableTable<Row>({
  rows,
  rowKey,
  columns,
  messages,
  title = false,
  canWrite,
  dialog,
  remove,
  removeOptions,
  maxWidth,
  testId,
}: EditableTableProps<Row>) {
  const translate = useTranslate();
  const [editing, setEditing] = useState<{ row?: Row } | null>(null);
  const add = canWrite && (
    <Button label={`${messages}.add`} onClick={() => setEditing({})}>
      <AddIcon />
    </Button>
  );
  return (
    <Box>
      {title ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: "center", mb: 1 }}>
          <Typography variant="h6">{translate(`${messages}.title`)}</Typography>
          {add}
        </Stack>
      ) : (
        add && <Box sx={{ mb: 1 }}>{add}</Box>
      )}
      {rows.length === 0 ? (
        <Typography variant="body2">{translate(`${messages}.empty`)}</Typography>
      ) : (
        <Table size="small" sx={maxWidth ? { maxWidth } : undefined} data-testid={testId}>
          <TableHead>
            <TableRow>
              {columns.map((column) => (
                <TableCell key={column.label}>{translate(column.label)}</TableCell>
              ))}
              {canWrite && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={rowKey(row)}>
                {columns.map((column) => (
                  <TableCell key={column.label}>{column.cell(row)}</TableCell>
                ))}
                {canWrite && (
                  <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>
                    <IconButton aria-label={translate(`${messages}.edit`)} onClick={() => setEditing({ row })}>
                      <EditIcon />
                    </IconButton>
                    {remove && (
                      <RemoveButton
                        messages={messages}
                        remove={() => remove(row)}
                        translateOptions={removeOptions?.(row)}
                      />
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && dialog(editing.row, () => setEditing(null))}
    </Box>
  );
}

interface RemoveButtonProps {
  messages: string;
  remove: () => Promise<unknown>;
  translateOptions?: Record<string, unknown>;
}

const RemoveButton = ({ messages, remove, translateOptions }: RemoveButtonProps) => {
  const translate = useTranslate();
  const { pending, run } = useAction();
  const [open, setOpen] = useState(false);
  return (
    <>
      <IconButton aria-label={translate(`${messages}.remove`)} onClick={() => setOpen(true)}>
        <DeleteIcon />
      </IconButton>
      <Confirm
        isOpen={open}
        loading={pending}
        title={`${messages}.remove_title`}
        content={`${messages}.remove_content`}
        translateOptions={translateOptions}
        onConfirm={async () => {
          await run(remove, `${messages}.removed`);
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
