/* Why the arm64 render may differ from the amd64 one by a step of 1/255:
 * SDL 2.26 blends an ARGB8888 image with per-pixel alpha (no colour tint)
 * onto ARGB8888 with an x86-only SIMD blitter (SDL_blit_A.c) on x86 and with portable C elsewhere,
 * and the two round differently. Not built by CMake; to see it:
 *
 *   gcc sdl_blend_probe.c -o probe-amd64 $(pkg-config --cflags --libs sdl2)
 *   aarch64-linux-gnu-gcc sdl_blend_probe.c -o probe-arm64 $(aarch64-linux-gnu-pkg-config --cflags --libs sdl2)
 *   ./probe-amd64 43 115 144; qemu-aarch64-static -L / ./probe-arm64 43 115 144
 *
 * White at alpha 128 and 200 over the agenda's "now" panel (43,115,144), seen 2026-12-02:
 *   amd64: 94b8c6 d0dfe5        arm64: 95b9c7 d0e0e6
 * over the dark theme's background (15,21,32):
 *   amd64: 86898e cacbcd        arm64: 878a8f cacbce
 * and the same over black. */
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s R G B (the background)\n", argv[0]);
    return 2;
  }
  const Uint32 background = 0xff000000u | (Uint32)atoi(argv[1]) << 16 | (Uint32)atoi(argv[2]) << 8 | (Uint32)atoi(argv[3]);
  SDL_Surface* dst = SDL_CreateRGBSurfaceWithFormat(0, 256, 1, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_Surface* src = SDL_CreateRGBSurfaceWithFormat(0, 256, 1, 32, SDL_PIXELFORMAT_ARGB8888);
  Uint32* d = dst->pixels;
  Uint32* s = src->pixels;
  for (Uint32 alpha = 0; alpha < 256; ++alpha) {
    d[alpha] = background;
    s[alpha] = alpha << 24 | 0xffffff; /* white, every alpha */
  }
  SDL_SetSurfaceBlendMode(src, SDL_BLENDMODE_BLEND);
  SDL_BlitSurface(src, NULL, dst, NULL);
  printf("%06x %06x\n", (unsigned)(d[128] & 0xffffff), (unsigned)(d[200] & 0xffffff));
  return 0;
}
