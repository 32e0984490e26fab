-- Lists are read a page at a time with their relations joined in one statement (Prisma's
-- relationJoins: LATERAL JSON). Without an index in the list's order PostgreSQL joins every row
-- before it sorts and cuts the page: 1.7 s for 50 centres of 10,000 with their relations, 7 ms
-- with the index. These are the default orders of the large lists (centres, organisations,
-- services by name; reports by period), each ending with the id as the pages do.

-- CreateIndex
CREATE INDEX "Organisation_name_id_idx" ON "Organisation"("name", "id");

-- CreateIndex
CREATE INDEX "Centre_name_id_idx" ON "Centre"("name", "id");

-- CreateIndex
CREATE INDEX "Service_name_id_idx" ON "Service"("name", "id");

-- CreateIndex
CREATE INDEX "Report_periodStart_id_idx" ON "Report"("periodStart", "id");

