// A second API process for the rate-limit tests: its own Yoga instance, PrismaClient and
// connection pool, as another Lambda container has. Sends `count` partner requests one after
// another and prints the answers as a JSON array:
// `node --import tsx test/helpers/partner-request.ts <key> [count]`.
import { prisma } from "../../api/lib/db.js";
import { yoga } from "../../api/yoga.js";

const [key = "", count = "1"] = process.argv.slice(2);
const answers = [];
for (let i = 0; i < Number(count); i += 1) {
  const response = await yoga.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": key },
    body: JSON.stringify({ query: "{ regions(first: 1) { totalCount } }" }),
  });
  answers.push({
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: await response.json(),
  });
}
await prisma.$disconnect();
process.stdout.write(`${JSON.stringify(answers)}\n`);
