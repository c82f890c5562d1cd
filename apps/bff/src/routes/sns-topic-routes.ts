import { createSnsTopic, deleteSnsTopic, listSnsTopics } from '../services/sns-topic-service.js';
import { type RouteBinding, type RouteDeps, route } from './route-spec.js';

/**
 * `/api/regions/:region/sns-topics` (the Region's topics, both backends) and, with the emulator
 * backend only, `/api/emulator/regions/:region/sns-topics[/:topicName]` and `/api/emulator/sns-messages`:
 * topics made and removed on the emulator, and what they received.
 */
export function snsTopicRoutes(deps: RouteDeps): RouteBinding[] {
  const { emulator } = deps;
  const list = route('listSnsTopics', ({ params: { region } }, { ctx }) => listSnsTopics(ctx, region));
  if (!emulator) return [list];
  return [
    list,
    route('createSnsTopic', ({ params: { region }, body }, { ctx }) =>
      createSnsTopic(ctx, region, body.name),
    ),
    route('deleteSnsTopic', async ({ params: { region, topicName } }, { ctx }) => {
      await deleteSnsTopic(ctx, region, topicName);
    }),
    route('getSnsMessages', async ({ query }) => ({ messages: await emulator.snsMessages(query) })),
  ];
}
