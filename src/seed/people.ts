import { FIRST_NAMES, LAST_NAMES } from "./vocabulary";

export interface PersonName {
  name: string;
  first: string;
  /** 0 for the first FIRST_NAMES × LAST_NAMES people, then 1 when names start repeating, and so on. */
  round: number;
}

/**
 * The index-th name of an endless list whose first FIRST_NAMES.length ×
 * LAST_NAMES.length names are all different: the last name advances once
 * per full pass over the first names and is shifted by the first name's
 * position, so neighbours do not share a surname.
 */
export function personName(index: number): PersonName {
  const firstIndex = index % FIRST_NAMES.length;
  const pass = Math.floor(index / FIRST_NAMES.length);
  const first = FIRST_NAMES[firstIndex];
  const last = LAST_NAMES[(pass + firstIndex) % LAST_NAMES.length];
  return { name: `${first} ${last}`, first, round: Math.floor(index / (FIRST_NAMES.length * LAST_NAMES.length)) };
}
