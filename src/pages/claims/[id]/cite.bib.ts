import type { APIRoute } from 'astro';
import { getLedger } from '../../../lib/ledger';
import { bibtex } from '../../../lib/cite';

export async function getStaticPaths() {
  return (await getLedger()).claims.map((c) => ({ params: { id: c.id } }));
}

/** A claim's BibTeX entry. */
export const GET: APIRoute = async ({ params }) => {
  const claim = (await getLedger()).claimById.get(params.id!)!;
  return new Response(bibtex(claim), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
