/** How a run of text is shown; stored as these strings and served as the `Mark` enum. */
export enum Mark {
  BOLD = "BOLD",
  ITALIC = "ITALIC",
  CODE = "CODE",
  LINK = "LINK",
}

/** A run of text with one set of marks; `href` is set exactly when `marks` holds LINK. */
export interface StoredSpan {
  text: string;
  marks: Mark[];
  href?: string;
}

/** What every stored block has: its id, and the ids of the body's anchored blocks inside it, whose inline feedback it counts. */
interface StoredBlockBase {
  id: string;
  anchors: string[];
}

export interface StoredImage {
  url: string;
  alt: string;
  width: number | null;
  height: number | null;
}

export type StoredBlock = StoredBlockBase &
  (
    | { kind: "heading"; level: number; text: string }
    | { kind: "paragraph"; spans: StoredSpan[] }
    | { kind: "quote"; spans: StoredSpan[]; attribution: string | null; cite: string | null }
    | { kind: "list"; ordered: boolean; items: { id: string; spans: StoredSpan[] }[] }
    | { kind: "figure"; image: StoredImage; caption: string | null; credit: string | null }
    | { kind: "embed"; url: string; provider: string; title: string | null; caption: string | null }
    | { kind: "keepReading" }
  );

export type BlockKind = StoredBlock["kind"];

/** The plain text of spans: what `text` fields serve. */
export function textOf(spans: StoredSpan[]): string {
  return spans.map((span) => span.text).join("");
}
