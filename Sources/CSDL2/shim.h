#include <SDL2/SDL.h>

/* Function-like and compound macros Swift cannot import, re-exported as values. */
static const int CSDL2_WINDOWPOS_CENTERED = SDL_WINDOWPOS_CENTERED;
static const int CSDL2_WINDOWPOS_UNDEFINED = SDL_WINDOWPOS_UNDEFINED;
static inline Uint32 CSDL2_BUTTON(Uint32 x) { return SDL_BUTTON(x); }
