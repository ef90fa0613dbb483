/* eslint-disable @typescript-eslint/no-explicit-any */

describe('ribbon commands', () => {
  const associated: Record<string, (event: any) => Promise<void>> = {};
  const showAsTaskpane = jest.fn(async () => undefined);

  beforeAll(async () => {
    (global as any).Office = {
      onReady: jest.fn(),
      actions: { associate: (name: string, fn: (event: any) => Promise<void>) => (associated[name] = fn) },
      addin: { showAsTaskpane },
    };
    await import('../../src/commands/commands');
  });

  afterAll(() => {
    delete (global as any).Office;
  });

  it('registers showTaskpane, which opens the pane and completes the event', async () => {
    expect(Object.keys(associated)).toEqual(['showTaskpane']);
    const event = { completed: jest.fn() };
    await associated.showTaskpane(event);
    expect(showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('completes the event even when the pane cannot open', async () => {
    showAsTaskpane.mockRejectedValueOnce(new Error('not supported'));
    const event = { completed: jest.fn() };
    await expect(associated.showTaskpane(event)).rejects.toThrow('not supported');
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});
