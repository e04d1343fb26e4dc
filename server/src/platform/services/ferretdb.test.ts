import { ferretdbEnv } from './ferretdb';

describe('ferretdbEnv', () => {
  it("tunes FerretDB's Go collector and turns heap profiling off, keeping the rest of the environment", () => {
    const env = ferretdbEnv({ PATH: '/usr/bin', GODEBUG: 'madvdontneed=1' });
    expect(env).toEqual({
      PATH: '/usr/bin',
      GOGC: '400',
      GOMEMLIMIT: '256MiB',
      GODEBUG: 'madvdontneed=1,memprofilerate=0',
    });
  });

  it('leaves settings given in the environment as they are', () => {
    const env = ferretdbEnv({ GOGC: '100', GOMEMLIMIT: '1GiB', GODEBUG: 'memprofilerate=524288' });
    expect([env.GOGC, env.GOMEMLIMIT, env.GODEBUG]).toEqual(['100', '1GiB', 'memprofilerate=524288']);
  });
});
