import { randomBytes } from 'node:crypto';
import Handlebars from 'handlebars';
import type { EmailTemplateRecord, Scope } from '../../../store/ses-records.js';
import { LIMITS, type ModelContext } from './context.js';
import {
  AlreadyExistsException,
  BadRequestException,
  LimitExceededException,
  missingField,
  NotFoundException,
  validationError,
} from './errors.js';
import { nextToken, pageRequest } from './pagination.js';

const NAME = /^[a-zA-Z0-9_-]{1,64}$/;
/** SES's limit on a template (subject + text + html): 500 KB. */
const TEMPLATE_BYTES = 500 * 1024;
/** ListEmailTemplates answers at most 100 per page (API reference: PageSize 1–100). */
const MAX_TEMPLATE_PAGE = 100;

export interface TemplateContent {
  subject?: string;
  text?: string;
  html?: string;
}

export interface RenderedContent {
  subject: string;
  text?: string;
  html?: string;
}

/** Rendering failed: SES accepts the send and reports a Rendering Failure instead of delivering. */
export class RenderingFailure extends Error {
  override name = 'RenderingFailure';
}

/**
 * SES renders templates with Handlebars ("advanced personalization": `{{var}}`, `{{obj.path}}`,
 * `{{#if}}`, `{{#each}}`). Compiled in strict mode, so a variable the data lacks fails the rendering
 * with SES's wording, "Attribute 'name' is not present in the rendering data." (SES v1's
 * MissingRenderingAttribute message); HTML parts escape values as Handlebars does, subject and text do not.
 */
const handlebars = Handlebars.create();

function renderPart(source: string, data: Record<string, unknown>, html: boolean): string {
  try {
    return handlebars.compile(source, { strict: true, noEscape: !html })(data);
  } catch (error) {
    const message = (error as Error).message;
    const missing = /^"([^"]+)" not defined/.exec(message);
    if (missing)
      throw new RenderingFailure(`Attribute '${missing[1]}' is not present in the rendering data.`);
    throw new RenderingFailure(`Template is not valid: ${message.split('\n')[0]}`);
  }
}

/** Parses TemplateData: a JSON object (SES refuses anything else before sending). */
export function parseTemplateData(raw: string | undefined, field = 'templateData'): Record<string, unknown> {
  if (raw === undefined) return {};
  if (raw.length > 262_144) {
    throw validationError(field, 'Member must have length less than or equal to 262144');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // [inf] SES v1 calls this InvalidRenderingParameter; v2 declares only BadRequestException.
    throw new BadRequestException(
      `Invalid ${field === 'templateData' ? 'TemplateData' : field}: it must be a JSON object.`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new BadRequestException(
      `Invalid ${field === 'templateData' ? 'TemplateData' : field}: it must be a JSON object.`,
    );
  }
  return parsed as Record<string, unknown>;
}

export function renderTemplate(content: TemplateContent, data: Record<string, unknown>): RenderedContent {
  return {
    subject: renderPart(content.subject ?? '', data, false),
    ...(content.text !== undefined ? { text: renderPart(content.text, data, false) } : {}),
    ...(content.html !== undefined ? { html: renderPart(content.html, data, true) } : {}),
  };
}

/** The MIME text TestRenderEmailTemplate returns. */
export function renderedMime(rendered: RenderedContent, now: number): string {
  const boundary = `----=_Part_${randomBytes(8).toString('hex')}`;
  const head = [
    `Date: ${new Date(now).toUTCString()}`,
    `Subject: ${rendered.subject}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
  ];
  const parts: string[] = [];
  if (rendered.text !== undefined) {
    parts.push(
      `--${boundary}`,
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      rendered.text,
    );
  }
  if (rendered.html !== undefined) {
    parts.push(
      `--${boundary}`,
      'Content-Type: text/html; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      rendered.html,
    );
  }
  return [...head, ...parts, `--${boundary}--`, ''].join('\r\n');
}

function validateName(name: string | undefined): string {
  if (name === undefined) throw missingField('templateName');
  if (!NAME.test(name)) {
    throw validationError(
      'templateName',
      'Member must have length between 1 and 64 and satisfy regular expression pattern: ^[a-zA-Z0-9_-]+$',
      name,
    );
  }
  return name;
}

function validateContent(content: TemplateContent | undefined): TemplateContent {
  if (content === undefined) throw missingField('templateContent');
  const bytes = Buffer.byteLength(
    `${content.subject ?? ''}${content.text ?? ''}${content.html ?? ''}`,
    'utf8',
  );
  if (bytes > TEMPLATE_BYTES) {
    throw new BadRequestException(`Template content exceeds the maximum size of ${TEMPLATE_BYTES} bytes.`);
  }
  return content;
}

function templateNotFound(name: string): NotFoundException {
  // SES v1's TemplateDoesNotExist wording, which v2 shares [inf].
  return new NotFoundException(`Template ${name} does not exist.`);
}

/** Email templates: Create/Get/List/Update/Delete, TestRender, and the lookup SendEmail uses. */
export class TemplateModel {
  constructor(private readonly ctx: ModelContext) {}

  create(scope: Scope, name: string | undefined, content: TemplateContent | undefined): void {
    const valid = validateName(name);
    const body = validateContent(content);
    const store = this.ctx.store;
    store.transaction(() => {
      if (store.templates.get(scope, valid)) {
        throw new AlreadyExistsException(`Template ${valid} already exists.`);
      }
      if (store.templates.count(scope) >= LIMITS.templatesPerRegion) {
        throw new LimitExceededException(
          `Maximum number of email templates (${LIMITS.templatesPerRegion}) reached in region ${scope.region}.`,
        );
      }
      store.templates.insert({ ...scope, name: valid, ...body, createdAt: this.ctx.now() });
    });
  }

  get(scope: Scope, name: string): EmailTemplateRecord {
    const template = this.ctx.store.templates.get(scope, name);
    if (!template) throw templateNotFound(name);
    return template;
  }

  /** A template by name or by ARN (`arn:aws:ses:<region>:<account>:template/<name>`) of this account + region. */
  resolve(scope: Scope, ref: { name?: string; arn?: string }): EmailTemplateRecord {
    if (ref.name !== undefined) return this.get(scope, ref.name);
    const arn = ref.arn ?? '';
    const m = /^arn:aws[a-z-]*:ses:([a-z0-9-]+):(\d{12}):template\/(.+)$/.exec(arn);
    if (!m)
      throw new BadRequestException(
        `Invalid TemplateArn ${arn}: it must look like arn:aws:ses:<region>:<account>:template/<name>.`,
      );
    if (m[1] !== scope.region || m[2] !== scope.accountId) throw templateNotFound(m[3] as string);
    return this.get(scope, m[3] as string);
  }

  update(scope: Scope, name: string, content: TemplateContent | undefined): void {
    const body = validateContent(content);
    this.ctx.store.transaction(() => {
      const template = this.get(scope, name);
      const { subject: _s, text: _t, html: _h, ...rest } = template;
      this.ctx.store.templates.update({ ...rest, ...body });
    });
  }

  delete(scope: Scope, name: string): void {
    this.ctx.store.transaction(() => {
      if (!this.ctx.store.templates.delete(scope, name)) throw templateNotFound(name);
    });
  }

  list(
    scope: Scope,
    input: { pageSize?: number; nextToken?: string },
  ): { items: EmailTemplateRecord[]; nextToken?: string } {
    if (input.pageSize !== undefined && input.pageSize > MAX_TEMPLATE_PAGE) {
      throw validationError(
        'pageSize',
        `Member must be less than or equal to ${MAX_TEMPLATE_PAGE}`,
        String(input.pageSize),
      );
    }
    const page = pageRequest('email-templates', input.pageSize, input.nextToken);
    const result = this.ctx.store.templates.list(scope, page);
    return { items: result.items, nextToken: nextToken('email-templates', result.lastSeq) };
  }

  /** TestRenderEmailTemplate: a rendering failure is the caller's mistake here (BadRequestException). */
  testRender(scope: Scope, name: string, templateData: string | undefined): string {
    if (templateData === undefined) throw missingField('templateData');
    const data = parseTemplateData(templateData);
    const template = this.get(scope, name);
    try {
      return renderedMime(renderTemplate(template, data), this.ctx.now());
    } catch (error) {
      if (error instanceof RenderingFailure) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
