import { z } from "zod";

export const markNotificationReadSchema = z.strictObject({ notificationId: z.uuid("Not a valid id") });

export type MarkNotificationReadInput = z.infer<typeof markNotificationReadSchema>;
