import type { Scope, TagRecord } from '../../../store/ses-records.js';
import { LIMITS, type ModelContext } from './context.js';
import { BadRequestException, missingField } from './errors.js';
import { identityKey } from './names.js';
import { parseResourceArn, parseTags, resourceArn, resourceNotFound, type TagInput } from './resources.js';

/** TagResource / UntagResource / ListTagsForResource on identity and configuration-set ARNs. */
export class TaggingModel {
  constructor(private readonly ctx: ModelContext) {}

  /** The canonical ARN of an existing resource in the caller's account and region, else NotFound. */
  private resolve(scope: Scope, arn: string | undefined): string {
    const parsed = parseResourceArn(arn);
    if (parsed.accountId !== scope.accountId || parsed.region !== scope.region)
      throw resourceNotFound(arn as string);
    const store = this.ctx.store;
    if (parsed.kind === 'identity') {
      const identity = store.identities.get(scope, identityKey(parsed.name));
      if (!identity) throw resourceNotFound(arn as string);
      return resourceArn(scope, 'identity', identity.name);
    }
    if (!store.configurationSets.get(scope, parsed.name)) throw resourceNotFound(arn as string);
    return resourceArn(scope, 'configuration-set', parsed.name);
  }

  tag(scope: Scope, arn: string | undefined, tagsInput: TagInput[] | undefined): void {
    if (tagsInput === undefined) throw missingField('tags');
    const tags = parseTags(tagsInput);
    const store = this.ctx.store;
    store.transaction(() => {
      const canonical = this.resolve(scope, arn);
      const keys = new Set(store.tags.list(canonical).map((t) => t.Key));
      for (const tag of tags) keys.add(tag.Key);
      if (keys.size > LIMITS.tagsPerResource) {
        throw new BadRequestException(
          `Too many tags: a resource can have at most ${LIMITS.tagsPerResource} tags; this request would leave ${keys.size}.`,
        );
      }
      store.tags.put(canonical, tags);
    });
  }

  untag(scope: Scope, arn: string | undefined, keys: string[]): void {
    if (keys.length === 0) throw missingField('tagKeys');
    const store = this.ctx.store;
    store.transaction(() => store.tags.remove(this.resolve(scope, arn), keys));
  }

  list(scope: Scope, arn: string | undefined): TagRecord[] {
    return this.ctx.store.tags.list(this.resolve(scope, arn));
  }
}
