import type { ConfigurationSetRecord, Scope, TagRecord } from '../../../store/ses-records.js';
import { parseSuppressionReasons } from './account.js';
import { LIMITS, type ModelContext } from './context.js';
import { AlreadyExistsException, LimitExceededException, missingField, validationError } from './errors.js';
import { configurationSetNotFound } from './identities.js';
import { nextToken, pageRequest } from './pagination.js';
import { parseTags, resourceArn, type TagInput } from './resources.js';

const NAME = /^[a-zA-Z0-9_-]{1,64}$/;
/** Option objects CreateConfigurationSet accepts; stored as given and echoed by GetConfigurationSet. */
export const CONFIGURATION_SET_OPTIONS = [
  'TrackingOptions',
  'DeliveryOptions',
  'ReputationOptions',
  'SendingOptions',
  'SuppressionOptions',
  'VdmOptions',
  'ArchivingOptions',
] as const;

export function validateConfigurationSetName(
  name: string | undefined,
  field = 'configurationSetName',
): string {
  if (name === undefined) throw missingField(field);
  if (!NAME.test(name)) {
    throw validationError(
      field,
      'Member must have length between 1 and 64 and satisfy regular expression pattern: ^[a-zA-Z0-9_-]+$',
      name,
    );
  }
  return name;
}

export class ConfigurationSetModel {
  constructor(private readonly ctx: ModelContext) {}

  create(
    scope: Scope,
    name: string | undefined,
    options: Record<string, unknown>,
    tagsInput?: TagInput[],
  ): void {
    const valid = validateConfigurationSetName(name);
    const tags = parseTags(tagsInput);
    const suppression = options.SuppressionOptions as { SuppressedReasons?: unknown } | undefined;
    if (suppression) {
      options.SuppressionOptions = {
        SuppressedReasons: parseSuppressionReasons(
          suppression.SuppressedReasons,
          'suppressionOptions.suppressedReasons',
        ),
      };
    }
    const store = this.ctx.store;
    store.transaction(() => {
      if (store.configurationSets.get(scope, valid)) {
        throw new AlreadyExistsException(`Configuration set ${valid} already exists.`);
      }
      if (store.configurationSets.count(scope) >= LIMITS.configurationSetsPerRegion) {
        throw new LimitExceededException(
          `Maximum number of configuration sets (${LIMITS.configurationSetsPerRegion}) reached in region ${scope.region}.`,
        );
      }
      store.configurationSets.insert({ ...scope, name: valid, createdAt: this.ctx.now(), options });
      store.tags.put(resourceArn(scope, 'configuration-set', valid), tags);
    });
  }

  get(scope: Scope, name: string): { set: ConfigurationSetRecord; tags: TagRecord[] } {
    const set = this.ctx.store.configurationSets.get(scope, name);
    if (!set) throw configurationSetNotFound(name);
    return { set, tags: this.ctx.store.tags.list(resourceArn(scope, 'configuration-set', name)) };
  }

  list(
    scope: Scope,
    input: { filter?: Record<string, unknown>; pageSize?: number; nextToken?: string },
  ): { names: string[]; nextToken?: string } {
    const page = pageRequest('configuration-sets', input.pageSize, input.nextToken);
    let contains: string | undefined;
    for (const [key, value] of Object.entries(input.filter ?? {})) {
      if (key !== 'CONFIGURATION_SET_NAME_CONTAINS') {
        throw validationError(
          'filter',
          'Map keys must satisfy enum value set: [CONFIGURATION_SET_NAME_CONTAINS]',
          key,
        );
      }
      if (typeof value !== 'string') throw validationError(`filter.${key}`, 'Member must be a string', value);
      contains = value;
    }
    const result = this.ctx.store.configurationSets.list(scope, contains, page);
    return {
      names: result.items.map((s) => s.name),
      nextToken: nextToken('configuration-sets', result.lastSeq),
    };
  }

  /**
   * PutConfigurationSetSuppressionOptions: the reasons that add recipients of this set's mail to the
   * account suppression list, instead of the account's (an empty list adds none).
   */
  putSuppressionOptions(scope: Scope, name: string, reasons: unknown): void {
    const parsed = parseSuppressionReasons(reasons, 'suppressedReasons');
    const store = this.ctx.store;
    store.transaction(() => {
      const set = store.configurationSets.get(scope, name);
      if (!set) throw configurationSetNotFound(name);
      store.configurationSets.update({
        ...set,
        options: { ...set.options, SuppressionOptions: { SuppressedReasons: parsed } },
      });
    });
  }

  /**
   * Deletes a configuration set. Identities that use it as their default are not broken: the
   * default is removed from them in the same transaction (AWS does not document this case; a
   * dangling default would make every later SendEmail from them fail), so they send without a set.
   */
  delete(scope: Scope, name: string): void {
    const store = this.ctx.store;
    store.transaction(() => {
      if (!store.configurationSets.delete(scope, name)) throw configurationSetNotFound(name);
      store.tags.removeAll(resourceArn(scope, 'configuration-set', name));
      store.identities.clearConfigurationSet(scope, name);
    });
  }
}
