import { expect, inject, it } from 'vitest';
import { runLighthouse } from '../../scripts/lighthouse.ts';

// Performance is a timing, so it is reported (npm run lighthouse), not asserted; the other three are not.
it('Lighthouse scores 100 for accessibility, best practices and SEO on the home, an article and a search', async () => {
  const scores = await runLighthouse(inject('siteDir'));
  for (const [page, score] of Object.entries(scores)) {
    console.info(`lighthouse ${page}: performance ${score.performance}`);
    expect({ page, accessibility: score.accessibility, bestPractices: score['best-practices'], seo: score.seo }).toEqual({
      page,
      accessibility: 100,
      bestPractices: 100,
      seo: 100,
    });
  }
}, 180_000);
