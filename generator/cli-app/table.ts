// `list`'s rows. Columns have fixed widths so that each row can be printed as soon as its page
// arrives (no waiting for the widest cell); long cells are cut with `…`, except the task id, which
// the user needs whole to act on, and the last column.
import { destinations, eecu, percent, shortId, stateOf, statusText, terminalTextOf, time, truncate } from "./format.js";
import { type MetadataView, metadataView } from "./metadata.js";
import type { CliOperation } from "./types.js";

interface Column {
  title: string;
  width: number;
  /** `m` is the operation's metadataView, read once per row. */
  cell(op: CliOperation, m: MetadataView, secrets: readonly string[]): string;
  /** Never cut (wider cells push the rest of the row right). */
  whole?: boolean;
}

const ID: Column = { title: "ID", width: 24, whole: true, cell: (op) => shortId(op.name) };
const STATE: Column = { title: "STATE", width: 10, cell: (op) => stateOf(op) };
const TYPE: Column = { title: "TYPE", width: 16, cell: (_op, m) => terminalTextOf(m.type) };
const DESCRIPTION: Column = {
  title: "DESCRIPTION",
  width: 40,
  cell: (_op, m, secrets) => terminalTextOf(m.description, secrets),
};
const PROGRESS: Column = { title: "PROGRESS", width: 8, cell: (_op, m) => percent(m.progress) };
const CREATED: Column = { title: "CREATED", width: 20, cell: (_op, m) => time(m.createTime) };
const STARTED: Column = { title: "STARTED", width: 20, cell: (_op, m) => time(m.startTime) };
const UPDATED: Column = { title: "UPDATED", width: 20, cell: (_op, m) => time(m.updateTime) };
const EECU: Column = { title: "EECU-S", width: 8, cell: (_op, m) => eecu(m.batchEecuUsageSeconds) };
const DESTINATION: Column = {
  title: "DESTINATION",
  width: 48,
  cell: (_op, m, secrets) => destinations(m.destinationUris, secrets),
};
const ERROR: Column = { title: "ERROR", width: 0, cell: (op, _m, secrets) => statusText(op.error, secrets) || "-" };

const SHORT: readonly Column[] = [ID, STATE, TYPE, DESCRIPTION, PROGRESS, CREATED];
const LONG: readonly Column[] = [
  ID,
  STATE,
  TYPE,
  DESCRIPTION,
  PROGRESS,
  CREATED,
  STARTED,
  UPDATED,
  EECU,
  DESTINATION,
  ERROR,
];

export interface Table {
  header: string;
  row(op: CliOperation): string;
}

/** The header line and a row renderer; `long` adds times, EECU, destinations and the error. */
export function operationsTable(long: boolean, secrets: readonly string[] = []): Table {
  const columns = long ? LONG : SHORT;
  const line = (cells: readonly string[]) =>
    cells
      .map((text, i) => {
        const column = columns[i]!;
        if (i === cells.length - 1) return text;
        return (column.whole ? text : truncate(text, column.width)).padEnd(column.width);
      })
      .join("  ")
      .trimEnd();
  return {
    header: `${line(columns.map((c) => c.title))}\n`,
    row: (op) => {
      const m = metadataView(op.metadata);
      return `${line(columns.map((c) => c.cell(op, m, secrets) || "-"))}\n`;
    },
  };
}
