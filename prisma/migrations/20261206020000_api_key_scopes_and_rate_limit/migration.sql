-- Partner keys: named scopes instead of the one inert "read", and a per-minute rate limit
-- counted in the database (shared by every Lambda container).

-- AlterTable
ALTER TABLE "ApiClient" ADD COLUMN     "rateWindowCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "rateWindowStartedAt" TIMESTAMP(3);

-- Keys made with the old "read" scope could read the registry and the published figures
-- alike: they keep both, named.
UPDATE "ApiClient"
SET scopes = ARRAY(
  SELECT DISTINCT s FROM unnest(array_remove(scopes, 'read') || ARRAY['registry:read', 'statistics:read']) AS s
  ORDER BY s
)
WHERE 'read' = ANY(scopes);
