import { usePageTitle } from '../lib/usePageTitle';
import { Audiences } from './home/Audiences';
import { CallToAction } from './home/CallToAction';
import { Facts } from './home/Facts';
import { Hero } from './home/Hero';
import { HowItWorks } from './home/HowItWorks';
import { LatestListings } from './home/LatestListings';
import { Sectors } from './home/Sectors';

export function HomePage() {
  usePageTitle();
  return (
    <>
      <Hero />
      <Facts />
      <LatestListings />
      <Audiences />
      <HowItWorks />
      <Sectors />
      <CallToAction />
    </>
  );
}
