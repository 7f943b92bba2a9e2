import { defineConfig } from "prisma/config";

// Used only by the Prisma CLI (generate, and `prisma migrate deploy` on machines that have the
// native engine). The app and `npm run db:migrate` pick their own driver adapter in lib/db.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/vigil" },
});
