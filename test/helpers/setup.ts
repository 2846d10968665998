// Mocha root hooks (registered in .mocharc.json): engine set-up that lint() expects to have run once.
import { prepareEngine } from '../../server/src/engine/prepare';

export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await prepareEngine();
  },
};
