import { apiPaths, type ClockResponse } from '@ses-console/contract';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client';
import { useMeta } from './meta-queries';

export const serviceClockKeys = { all: ['service-clock'] as const };

/** The emulator's clock as an offset from this browser's: tests and demos move it days ahead. */
const emulatorOffsetQueryOptions = () =>
  queryOptions({
    queryKey: serviceClockKeys.all,
    queryFn: async () => {
      const clock = await api.get<ClockResponse>(apiPaths.emulatorClock);
      return Date.parse(clock.now) - Date.now();
    },
    staleTime: 30_000,
  });

/**
 * "Now" as SES sees it, for rules that depend on time (the once-a-day key-length change): the
 * emulator's clock in emulator mode, this browser's clock against AWS.
 */
export function useServiceNow(): () => number {
  const meta = useMeta();
  const offset = useQuery({
    ...emulatorOffsetQueryOptions(),
    enabled: meta.data?.backend === 'emulator',
  });
  const ms = offset.data ?? 0;
  return () => Date.now() + ms;
}
