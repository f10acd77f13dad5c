import { z } from 'astro/zod';

/** A topic readers search by: `content/topics/<id>.yaml`. */
export const topicSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
});

/** Topic data after validation. */
export type TopicData = z.infer<typeof topicSchema>;
