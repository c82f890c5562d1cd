import { z } from 'zod';

export const healthSchema = z.object({
  status: z.literal('ok'),
  backend: z.enum(['emulator', 'aws']),
});

export type Health = z.infer<typeof healthSchema>;
