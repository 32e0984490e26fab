-- CreateTable
CREATE TABLE "ReportRollup" (
    "regionId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "scope" "ReportScope" NOT NULL,
    "published" BOOLEAN NOT NULL,
    "total" BIGINT NOT NULL,
    "rural" BIGINT NOT NULL,
    "ruralCount" INTEGER NOT NULL,
    "reports" INTEGER NOT NULL,

    CONSTRAINT "ReportRollup_pkey" PRIMARY KEY ("regionId","indicatorId","periodStart","periodEnd","scope","published")
);

-- CreateIndex
CREATE INDEX "ReportRollup_indicatorId_periodStart_idx" ON "ReportRollup"("indicatorId", "periodStart");

-- CreateIndex
CREATE INDEX "ReportRollup_regionId_periodStart_idx" ON "ReportRollup"("regionId", "periodStart");

-- AddForeignKey
ALTER TABLE "ReportRollup" ADD CONSTRAINT "ReportRollup_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportRollup" ADD CONSTRAINT "ReportRollup_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "ReportIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Keeping the rollup exact: statement-level triggers with transition tables, so a bulk insert
-- (the national seed) updates it in one grouped statement, and every write path (approval,
-- seeds, direct SQL, imports) changes it in its own transaction. Only APPROVED and LOCKED
-- reports count; rows left with no reports are deleted, so a level without values is absent.
CREATE FUNCTION "ReportRollup_values_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportRollup" AS t ("regionId", "indicatorId", "periodStart", "periodEnd", scope, published,
                                   total, rural, "ruralCount", reports)
  SELECT "regionId", "indicatorId", "periodStart", "periodEnd", scope, published,
         sum(sign * total), sum(sign * coalesce(rural, 0)), sum(sign * (rural IS NOT NULL)::int), sum(sign)
  FROM (SELECT 1 AS sign, r."regionId", v."indicatorId", r."periodStart", r."periodEnd", r.scope, r.published, v.total, v.rural
         FROM new_values v JOIN "Report" r ON r.id = v."reportId" WHERE r.status IN ('APPROVED', 'LOCKED')) d
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("regionId", "indicatorId", "periodStart", "periodEnd", scope, published) DO UPDATE
  SET total = t.total + EXCLUDED.total, rural = t.rural + EXCLUDED.rural,
      "ruralCount" = t."ruralCount" + EXCLUDED."ruralCount", reports = t.reports + EXCLUDED.reports;
  DELETE FROM "ReportRollup" WHERE reports <= 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "ReportRollup_values_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Values deleted with their report are already gone from the report's BEFORE DELETE trigger,
  -- and the join finds no report for them.
  INSERT INTO "ReportRollup" AS t ("regionId", "indicatorId", "periodStart", "periodEnd", scope, published,
                                   total, rural, "ruralCount", reports)
  SELECT "regionId", "indicatorId", "periodStart", "periodEnd", scope, published,
         sum(sign * total), sum(sign * coalesce(rural, 0)), sum(sign * (rural IS NOT NULL)::int), sum(sign)
  FROM (SELECT -1 AS sign, r."regionId", v."indicatorId", r."periodStart", r."periodEnd", r.scope, r.published, v.total, v.rural
         FROM old_values v JOIN "Report" r ON r.id = v."reportId" WHERE r.status IN ('APPROVED', 'LOCKED')) d
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("regionId", "indicatorId", "periodStart", "periodEnd", scope, published) DO UPDATE
  SET total = t.total + EXCLUDED.total, rural = t.rural + EXCLUDED.rural,
      "ruralCount" = t."ruralCount" + EXCLUDED."ruralCount", reports = t.reports + EXCLUDED.reports;
  DELETE FROM "ReportRollup" WHERE reports <= 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "ReportRollup_values_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportRollup" AS t ("regionId", "indicatorId", "periodStart", "periodEnd", scope, published,
                                   total, rural, "ruralCount", reports)
  SELECT "regionId", "indicatorId", "periodStart", "periodEnd", scope, published,
         sum(sign * total), sum(sign * coalesce(rural, 0)), sum(sign * (rural IS NOT NULL)::int), sum(sign)
  FROM (SELECT -1 AS sign, r."regionId", v."indicatorId", r."periodStart", r."periodEnd", r.scope, r.published, v.total, v.rural
         FROM old_values v JOIN "Report" r ON r.id = v."reportId" WHERE r.status IN ('APPROVED', 'LOCKED') UNION ALL SELECT 1 AS sign, r."regionId", v."indicatorId", r."periodStart", r."periodEnd", r.scope, r.published, v.total, v.rural
         FROM new_values v JOIN "Report" r ON r.id = v."reportId" WHERE r.status IN ('APPROVED', 'LOCKED')) d
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("regionId", "indicatorId", "periodStart", "periodEnd", scope, published) DO UPDATE
  SET total = t.total + EXCLUDED.total, rural = t.rural + EXCLUDED.rural,
      "ruralCount" = t."ruralCount" + EXCLUDED."ruralCount", reports = t.reports + EXCLUDED.reports;
  DELETE FROM "ReportRollup" WHERE reports <= 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "ReportRollup_reports_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only reports whose counting changed: approval, or a change of region, period, level or publication.
  INSERT INTO "ReportRollup" AS t ("regionId", "indicatorId", "periodStart", "periodEnd", scope, published,
                                   total, rural, "ruralCount", reports)
  SELECT "regionId", "indicatorId", "periodStart", "periodEnd", scope, published,
         sum(sign * total), sum(sign * coalesce(rural, 0)), sum(sign * (rural IS NOT NULL)::int), sum(sign)
  FROM (SELECT -1 AS sign, r."regionId", v."indicatorId", r."periodStart", r."periodEnd", r.scope, r.published, v.total, v.rural
         FROM old_reports r JOIN "ReportValue" v ON v."reportId" = r.id WHERE r.status IN ('APPROVED', 'LOCKED') AND r.id IN (SELECT o.id FROM old_reports o JOIN new_reports n ON n.id = o.id
           WHERE (o.status IN ('APPROVED', 'LOCKED')) <> (n.status IN ('APPROVED', 'LOCKED'))
              OR (o."regionId", o."periodStart", o."periodEnd", o.scope, o.published)
                 IS DISTINCT FROM (n."regionId", n."periodStart", n."periodEnd", n.scope, n.published)) UNION ALL SELECT 1 AS sign, r."regionId", v."indicatorId", r."periodStart", r."periodEnd", r.scope, r.published, v.total, v.rural
         FROM new_reports r JOIN "ReportValue" v ON v."reportId" = r.id WHERE r.status IN ('APPROVED', 'LOCKED') AND r.id IN (SELECT o.id FROM old_reports o JOIN new_reports n ON n.id = o.id
           WHERE (o.status IN ('APPROVED', 'LOCKED')) <> (n.status IN ('APPROVED', 'LOCKED'))
              OR (o."regionId", o."periodStart", o."periodEnd", o.scope, o.published)
                 IS DISTINCT FROM (n."regionId", n."periodStart", n."periodEnd", n.scope, n.published))) d
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("regionId", "indicatorId", "periodStart", "periodEnd", scope, published) DO UPDATE
  SET total = t.total + EXCLUDED.total, rural = t.rural + EXCLUDED.rural,
      "ruralCount" = t."ruralCount" + EXCLUDED."ruralCount", reports = t.reports + EXCLUDED.reports;
  DELETE FROM "ReportRollup" WHERE reports <= 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "ReportRollup_reports_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('APPROVED', 'LOCKED') THEN
  INSERT INTO "ReportRollup" AS t ("regionId", "indicatorId", "periodStart", "periodEnd", scope, published,
                                   total, rural, "ruralCount", reports)
  SELECT "regionId", "indicatorId", "periodStart", "periodEnd", scope, published,
         sum(sign * total), sum(sign * coalesce(rural, 0)), sum(sign * (rural IS NOT NULL)::int), sum(sign)
  FROM (SELECT -1 AS sign, r."regionId", v."indicatorId", r."periodStart", r."periodEnd", r.scope, r.published, v.total, v.rural
         FROM (SELECT OLD.*) r JOIN "ReportValue" v ON v."reportId" = r.id WHERE r.status IN ('APPROVED', 'LOCKED') AND true) d
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("regionId", "indicatorId", "periodStart", "periodEnd", scope, published) DO UPDATE
  SET total = t.total + EXCLUDED.total, rural = t.rural + EXCLUDED.rural,
      "ruralCount" = t."ruralCount" + EXCLUDED."ruralCount", reports = t.reports + EXCLUDED.reports;
  DELETE FROM "ReportRollup" WHERE reports <= 0;
  END IF;
  RETURN OLD;
END $$;

CREATE TRIGGER "ReportRollup_values_insert" AFTER INSERT ON "ReportValue"
  REFERENCING NEW TABLE AS new_values FOR EACH STATEMENT EXECUTE FUNCTION "ReportRollup_values_insert"();
CREATE TRIGGER "ReportRollup_values_delete" AFTER DELETE ON "ReportValue"
  REFERENCING OLD TABLE AS old_values FOR EACH STATEMENT EXECUTE FUNCTION "ReportRollup_values_delete"();
CREATE TRIGGER "ReportRollup_values_update" AFTER UPDATE ON "ReportValue"
  REFERENCING OLD TABLE AS old_values NEW TABLE AS new_values FOR EACH STATEMENT EXECUTE FUNCTION "ReportRollup_values_update"();
CREATE TRIGGER "ReportRollup_reports_update" AFTER UPDATE ON "Report"
  REFERENCING OLD TABLE AS old_reports NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION "ReportRollup_reports_update"();
CREATE TRIGGER "ReportRollup_reports_delete" BEFORE DELETE ON "Report"
  FOR EACH ROW EXECUTE FUNCTION "ReportRollup_reports_delete"();

-- Backfill from the reports approved so far.
  INSERT INTO "ReportRollup" AS t ("regionId", "indicatorId", "periodStart", "periodEnd", scope, published,
                                   total, rural, "ruralCount", reports)
  SELECT "regionId", "indicatorId", "periodStart", "periodEnd", scope, published,
         sum(sign * total), sum(sign * coalesce(rural, 0)), sum(sign * (rural IS NOT NULL)::int), sum(sign)
  FROM (SELECT 1 AS sign, r."regionId", v."indicatorId", r."periodStart", r."periodEnd", r.scope, r.published, v.total, v.rural
         FROM "Report" r JOIN "ReportValue" v ON v."reportId" = r.id WHERE r.status IN ('APPROVED', 'LOCKED') AND true) d
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("regionId", "indicatorId", "periodStart", "periodEnd", scope, published) DO UPDATE
  SET total = t.total + EXCLUDED.total, rural = t.rural + EXCLUDED.rural,
      "ruralCount" = t."ruralCount" + EXCLUDED."ruralCount", reports = t.reports + EXCLUDED.reports;
  DELETE FROM "ReportRollup" WHERE reports <= 0;
