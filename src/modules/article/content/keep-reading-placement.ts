import { StoredBlock } from "./stored-block";

/** By default "Keep Reading" follows this paragraph, as on the seed's article page; in a shorter body, the last one. */
export const KEEP_READING_AFTER_PARAGRAPH = 5;

const KEEP_READING_ID = "keep-reading";

/**
 * `blocks` (without Keep Reading, as `deriveContent` gives them) with the
 * Keep Reading block after the top-level block `afterId`; null when no
 * such block exists: the caller decides whether that is the editor's
 * mistake or a placement that a new body left behind.
 */
export function placeKeepReadingAfter(blocks: StoredBlock[], afterId: string): StoredBlock[] | null {
  const index = blocks.findIndex((block) => block.id === afterId && block.kind !== "keepReading");
  return index < 0 ? null : insertAfter(blocks, index);
}

/** `blocks` with Keep Reading after the fifth paragraph; the last when there are fewer; at the end when there are none. */
export function placeKeepReadingByDefault(blocks: StoredBlock[]): StoredBlock[] {
  const paragraphs = blocks.flatMap((block, at) => (block.kind === "paragraph" ? [at] : []));
  return insertAfter(blocks, paragraphs[Math.min(KEEP_READING_AFTER_PARAGRAPH, paragraphs.length) - 1] ?? blocks.length - 1);
}

function insertAfter(blocks: StoredBlock[], index: number): StoredBlock[] {
  const keepReading: StoredBlock = { kind: "keepReading", id: freeId(blocks), anchors: [] };
  return [...blocks.slice(0, index + 1), keepReading, ...blocks.slice(index + 1)];
}

/** The blocks that a stored content placed Keep Reading among. */
export function withoutKeepReading(blocks: StoredBlock[]): StoredBlock[] {
  return blocks.filter((block) => block.kind !== "keepReading");
}

/** "keep-reading", unless the body already has a block of that id. */
function freeId(blocks: StoredBlock[]): string {
  const taken = new Set(blocks.flatMap((block) => [block.id, ...block.anchors, ...(block.kind === "list" ? block.items.map((item) => item.id) : [])]));
  let id = KEEP_READING_ID;
  for (let n = 2; taken.has(id); n++) id = `${KEEP_READING_ID}-${n}`;
  return id;
}
