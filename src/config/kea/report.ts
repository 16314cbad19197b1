/**
 * What the Kea importer could not carry over, each item named by its JSON
 * path in the Kea file. "dropped": the key is not in the output. "changed":
 * it is converted, but Fulmar will behave differently than Kea did.
 */
export type ReportKind = 'dropped' | 'changed';

export interface ReportItem {
  path: string;
  kind: ReportKind;
  message: string;
}

export class Report {
  readonly items: ReportItem[] = [];

  drop(path: string, message: string): void {
    this.items.push({ path, kind: 'dropped', message });
  }

  change(path: string, message: string): void {
    this.items.push({ path, kind: 'changed', message });
  }
}

/** One line per item, as the CLI prints them on stderr. */
export function formatReportItem(item: ReportItem): string {
  return item.kind === 'dropped' ? `${item.path}: not converted: ${item.message}` : `${item.path}: converted, but ${item.message}`;
}
