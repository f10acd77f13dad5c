import type { APIRoute } from 'astro';
import { getLedger } from '../../../lib/ledger';
import { cslJson } from '../../../lib/cite';

export async function getStaticPaths() {
  return (await getLedger()).claims.map((c) => ({ params: { id: c.id } }));
}

/** A claim as CSL-JSON. */
export const GET: APIRoute = async ({ params }) => {
  const claim = (await getLedger()).claimById.get(params.id!)!;
  return new Response(JSON.stringify(cslJson(claim), null, 2), { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json' } });
};
