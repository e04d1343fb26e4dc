import { usePageTitle } from '../lib/usePageTitle';
import { Audiences } from './home/Audiences';
import { CallToAction } from './home/CallToAction';
import { Hero } from './home/Hero';
import { HowItWorks } from './home/HowItWorks';
import { LatestListings } from './home/LatestListings';
import { LiveCounters } from './home/LiveCounters';
import { Sectors } from './home/Sectors';
import { UpcomingEvents } from './home/UpcomingEvents';

export function HomePage() {
  usePageTitle();
  return (
    <>
      <Hero />
      <LiveCounters />
      <LatestListings />
      <Sectors />
      <UpcomingEvents />
      <Audiences />
      <HowItWorks />
      <CallToAction />
    </>
  );
}
