// Figure 6: a cancel-only app on openapi-fetch alone (no generated runtime; types only in a TS app).
import createClient from "openapi-fetch";

const client = createClient({ baseUrl: process.env.EE_BASE_URL ?? "https://earthengine.googleapis.com" });
const [, projectsId = "", , ...rest] = (process.argv[2] ?? "").split("/");
const { data, error } = await client.POST("/v1/projects/{projectsId}/operations/{operationsId}:cancel", {
  params: { path: { projectsId, operationsId: rest.join("/") } },
  headers: { Authorization: `Bearer ${process.env.EE_TOKEN ?? ""}` },
});
console.log(error ?? data);
