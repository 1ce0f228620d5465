#include "render/presenter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <thread>

#include "render/blend.hpp"
#include "render/rotate.hpp"

namespace annae::render {
namespace {

// 32-bit layouts whose byte order matches ARGB8888 (alpha ignored on screen).
bool same_layout(const SDL_Surface& s) {
  return s.format->format == SDL_PIXELFORMAT_ARGB8888 || s.format->format == SDL_PIXELFORMAT_RGB888;
}

class WindowSurfacePresenter final : public Presenter {
 public:
  explicit WindowSurfacePresenter(SDL_Window* window) : window_(window) {}

  void show(const SDL_Surface& page) override {
    SDL_Surface* screen = SDL_GetWindowSurface(window_);
    if (!screen) return;
    if (same_layout(*screen) && screen->w == page.w && screen->h == page.h) {
      if (SDL_MUSTLOCK(screen)) SDL_LockSurface(screen);
      for (int y = 0; y < page.h; ++y) {
        std::memcpy(static_cast<Uint8*>(screen->pixels) + y * screen->pitch,
                    static_cast<const Uint8*>(page.pixels) + y * page.pitch, static_cast<std::size_t>(page.w) * 4);
      }
      if (SDL_MUSTLOCK(screen)) SDL_UnlockSurface(screen);
    } else {
      SDL_BlitScaled(const_cast<SDL_Surface*>(&page), nullptr, screen, nullptr);
    }
    SDL_UpdateWindowSurface(window_);
  }

  void show_transition(const SDL_Surface& from, const SDL_Surface& to, content::TransitionKind style, float t,
                       int direction) override {
    SDL_Surface* screen = SDL_GetWindowSurface(window_);
    if (!screen || style == content::TransitionKind::none || from.w != to.w || from.h != to.h || screen->w != to.w ||
        screen->h != to.h || !same_layout(*screen)) {
      show(t < 1 && style != content::TransitionKind::none ? from : to);
      return;
    }
    if (SDL_MUSTLOCK(screen)) SDL_LockSurface(screen);
    const ConstPixelRows a{static_cast<const std::uint8_t*>(from.pixels), from.pitch};
    const ConstPixelRows b{static_cast<const std::uint8_t*>(to.pixels), to.pitch};
    const PixelRows d{static_cast<std::uint8_t*>(screen->pixels), screen->pitch};
    t = std::clamp(t, 0.0f, 1.0f);
    if (style == content::TransitionKind::fade) {
      const auto weight = static_cast<unsigned>(std::lround(t * 256));
      if (static_cast<long>(to.w) * to.h > 1'000'000) {
        // Large frames (4K): the two halves on two cores.
        std::thread top([&] { cross_fade(a, b, d, to.w, 0, to.h / 2, weight); });
        cross_fade(a, b, d, to.w, to.h / 2, to.h, weight);
        top.join();
      } else {
        cross_fade(a, b, d, to.w, 0, to.h, weight);
      }
    } else if (const auto motion = motion_for_rotation(rotation_); motion.vertical) {
      push_vertical(a, b, d, to.w, to.h, static_cast<int>(std::lround(t * static_cast<float>(to.h))),
                    direction * motion.sign);
    } else {
      push(a, b, d, to.w, 0, to.h, static_cast<int>(std::lround(t * static_cast<float>(to.w))), direction * motion.sign);
    }
    if (SDL_MUSTLOCK(screen)) SDL_UnlockSurface(screen);
    SDL_UpdateWindowSurface(window_);
  }

 private:
  SDL_Window* window_;
};

class RendererPresenter final : public Presenter {
 public:
  explicit RendererPresenter(SDL_Renderer* renderer) : renderer_(renderer) {}
  ~RendererPresenter() override {
    for (auto& slot : slots_) {
      if (slot.texture) SDL_DestroyTexture(slot.texture);
    }
  }

  void show(const SDL_Surface& page) override {
    // The first present is a mode set under KMSDRM (SDL 2.26 calls
    // drmModeSetCrtc on the first swap, page flips after it); on virtio-gpu
    // the frame of that mode set never reaches the screen, which stayed black
    // for the whole first slide (tests/box). Presenting the first page a
    // second time makes it a page flip, which does; elsewhere it costs one
    // frame, once.
    const int presents = first_present_ ? 2 : 1;
    first_present_ = false;
    for (int i = 0; i < presents; ++i) {
      SDL_RenderClear(renderer_);
      SDL_RenderCopy(renderer_, texture_for(page), nullptr, nullptr);
      SDL_RenderPresent(renderer_);
    }
  }

  void show_transition(const SDL_Surface& from, const SDL_Surface& to, content::TransitionKind style, float t,
                       int direction) override {
    t = std::clamp(t, 0.0f, 1.0f);
    SDL_Texture* a = texture_for(from);
    SDL_Texture* b = texture_for(to);
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 255);
    SDL_RenderClear(renderer_);
    if (style == content::TransitionKind::fade) {
      SDL_SetTextureAlphaMod(a, 255);
      SDL_RenderCopy(renderer_, a, nullptr, nullptr);
      SDL_SetTextureBlendMode(b, SDL_BLENDMODE_BLEND);
      SDL_SetTextureAlphaMod(b, static_cast<Uint8>(std::lround(t * 255)));
      SDL_RenderCopy(renderer_, b, nullptr, nullptr);
      SDL_SetTextureAlphaMod(b, 255);
    } else {
      const auto motion = motion_for_rotation(rotation_);
      const int sign = direction * motion.sign >= 0 ? 1 : -1;
      const int extent = motion.vertical ? to.h : to.w;
      const int offset = static_cast<int>(std::lround(t * static_cast<float>(extent))) * sign;
      SDL_Rect ra{0, 0, to.w, to.h}, rb{0, 0, to.w, to.h};
      (motion.vertical ? ra.y : ra.x) = -offset;
      (motion.vertical ? rb.y : rb.x) = sign * extent - offset;
      SDL_RenderCopy(renderer_, a, nullptr, &ra);
      SDL_RenderCopy(renderer_, b, nullptr, &rb);
    }
    SDL_RenderPresent(renderer_);
  }

 private:
  // The last two pages used stay uploaded: a transition needs both. A miss
  // replaces the page used longest ago, never the one this frame already
  // fetched: replacing by turns once let the incoming page of a transition
  // evict the outgoing one (its texture destroyed while in use), after
  // overlay frames (a touch marker) had filled the other slot, and the
  // transition was drawn black (tests/box: black frames after a touch).
  SDL_Texture* texture_for(const SDL_Surface& page) {
    ++use_clock_;
    for (auto& slot : slots_) {
      if (slot.serial == serial_of(page) && slot.texture) {
        slot.last_use = use_clock_;
        return slot.texture;
      }
    }
    Slot& slot = slots_[0].last_use <= slots_[1].last_use ? slots_[0] : slots_[1];
    if (slot.texture) SDL_DestroyTexture(slot.texture);
    slot.texture = SDL_CreateTextureFromSurface(renderer_, const_cast<SDL_Surface*>(&page));
    if (slot.texture) SDL_SetTextureBlendMode(slot.texture, SDL_BLENDMODE_NONE);
    slot.serial = serial_of(page);
    slot.last_use = use_clock_;
    return slot.texture;
  }

  struct Slot {
    std::uintptr_t serial = 0;  // 0: empty
    SDL_Texture* texture = nullptr;
    std::uint64_t last_use = 0;
  };
  SDL_Renderer* renderer_;
  Slot slots_[2];
  std::uint64_t use_clock_ = 0;
  bool first_present_ = true;
};

}  // namespace

std::unique_ptr<Presenter> make_window_surface_presenter(SDL_Window* window) {
  return std::make_unique<WindowSurfacePresenter>(window);
}

std::unique_ptr<Presenter> make_renderer_presenter(SDL_Renderer* renderer) {
  return std::make_unique<RendererPresenter>(renderer);
}

float ease_in_out(float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  return t < 0.5f ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3.0f) / 2;
}

}  // namespace annae::render
