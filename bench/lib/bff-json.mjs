/** Reading the BFF's JSON answers in the bench suites, and checking a list came back whole. */

/** GETs `url` and parses its JSON; a non-2xx answer throws with the status and the start of the body. */
export async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response.json();
}

/** Throws unless every load (Region, or account × Region) loaded and the list holds `expected` rows. */
export function checkComplete(what, body, expected, loads) {
  const failed = (body[loads] ?? []).filter((load) => load.outcome !== 'loaded');
  if (failed.length > 0) throw new Error(`${what}: ${JSON.stringify(failed).slice(0, 400)}`);
  if (body.identities.length !== expected) {
    throw new Error(`${what} listed ${body.identities.length} identities, not ${expected}`);
  }
}
