// drizzle-kit configuration: `npm run db:generate` turns src/infra/db/schema.ts into a new SQL
// migration under src/infra/db/migrations (committed). The application applies them at start-up
// with migrateDatabase() (src/infra/db/database.ts); drizzle-kit never connects to a database here.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/infra/db/schema.ts',
  out: './src/infra/db/migrations',
  strict: true,
  verbose: true,
});
