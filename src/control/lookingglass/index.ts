export { registerLookingGlass, type LookingGlassOptions } from './register.js';
export { appScript } from './assets.js';
