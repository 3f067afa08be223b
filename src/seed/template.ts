import { Random } from "./random";
import { PLACES, Topic } from "./vocabulary";

/**
 * Fills a vocabulary template for `topic`: `{actor}`, `{issue}`, `{place}`
 * and `{number}` get a random word each, other placeholders come from
 * `values`. A capitalised placeholder (`{Actor}`) capitalises its word.
 */
export function fill(template: string, random: Random, topic: Topic, values: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const word = wordFor(key.toLowerCase(), random, topic, values);
    return key[0] === key[0].toLowerCase() ? word : word[0].toUpperCase() + word.slice(1);
  });
}

function wordFor(key: string, random: Random, topic: Topic, values: Record<string, string>): string {
  switch (key) {
    case "actor":
      return random.pick(topic.actors);
    case "issue":
      return random.pick(topic.issues);
    case "place":
      return random.pick(PLACES);
    case "number":
      return String(random.int(12, 87));
  }
  if (!(key in values)) throw new Error(`No value for the template placeholder {${key}}`);
  return values[key];
}
