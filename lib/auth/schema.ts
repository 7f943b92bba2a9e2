import { z } from "zod";

export const signInSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("Enter a valid e-mail address").max(254),
    password: z.string().min(1, "Enter your password").max(1024),
  })
  .strip(); // next-auth adds csrfToken, callbackUrl, json to the credentials object
