import { isDeepStrictEqual } from "node:util";
import { ChildServer } from "./child-server";
import { Workload } from "./workloads";

/** The server's answer to a workload, which must carry data and no errors. */
export async function fetchAnswer(server: ChildServer, workload: Workload): Promise<string> {
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: workload.body,
  });
  const text = await response.text();
  const answer = parseAnswer(text);
  if (response.status !== 200 || !answer?.data || answer.errors) {
    throw new Error(`${server.name} answered ${workload.name} with HTTP ${response.status}: ${text.slice(0, 500)}`);
  }
  return text;
}

/**
 * Why `server`'s answer to `workload` is not the reference answer, or null
 * when it is the same data: a baseline that answers differently measures
 * something else, and is left out of that workload.
 */
export async function differenceFrom(reference: string, server: ChildServer, workload: Workload): Promise<string | null> {
  try {
    const text = await fetchAnswer(server, workload);
    return isDeepStrictEqual(parseAnswer(text)?.data, parseAnswer(reference)?.data)
      ? null
      : `${server.name}'s answer to ${workload.name} differs from the server's`;
  } catch (error) {
    return (error as Error).message;
  }
}

function parseAnswer(text: string): { data?: unknown; errors?: unknown } | null {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
