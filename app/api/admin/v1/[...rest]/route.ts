// Any other path under the Administration API: a problem-details 404, not the console's HTML page.
import { notFoundProblem } from "@/lib/admin-api/problem";

const notFound = async () => notFoundProblem("No such operation; see openapi.json for the API's paths.");
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
