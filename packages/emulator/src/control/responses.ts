import type { OutgoingResponse } from '../protocol/http-types.js';

export function json(status: number, body: unknown): OutgoingResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** A 4xx for control-plane input: `{"message": "…"}` naming the field and the rule. */
export function badRequest(message: string): OutgoingResponse {
  return json(400, { message });
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function htmlPage(status: number, title: string, text: string): OutgoingResponse {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`,
  };
}

/** Parses a control-plane JSON body; `undefined` plus a 400 response when it is not a JSON object. */
export function readJsonObject(body: Buffer): Record<string, unknown> | OutgoingResponse {
  if (body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  return badRequest('The request body must be a JSON object.');
}

export function isResponse(value: unknown): value is OutgoingResponse {
  return (
    typeof value === 'object' && value !== null && 'status' in value && 'headers' in value && 'body' in value
  );
}
