#include "text/local_time.hpp"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <memory>
#include <unicode/strenum.h>

namespace annae::text {
namespace {

std::unique_ptr<icu::Calendar> calendar_for(std::string_view time_zone) {
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone* zone = icu::TimeZone::createTimeZone(
      icu::UnicodeString::fromUTF8(icu::StringPiece(time_zone.data(), static_cast<int32_t>(time_zone.size()))));
  auto cal = std::make_unique<icu::GregorianCalendar>(zone, status);  // adopts zone
  if (U_FAILURE(status)) return nullptr;
  return cal;
}

}  // namespace

bool is_known_time_zone(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString canonical;
  UBool is_system = false;
  icu::TimeZone::getCanonicalID(
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size()))), canonical,
      is_system, status);
  return U_SUCCESS(status) && is_system;
}

std::vector<std::string> time_zone_names() {
  std::vector<std::string> names;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> zones(
      icu::TimeZone::createEnumeration(status));
  if (U_FAILURE(status) || !zones) return names;
  while (const char* id = zones->next(nullptr, status)) {
    if (U_FAILURE(status)) break;
    names.emplace_back(id);
  }
  return names;
}

LocalTime to_local(std::chrono::system_clock::time_point t, std::string_view time_zone) {
  LocalTime out;
  auto cal = calendar_for(time_zone);
  if (!cal) return out;
  UErrorCode status = U_ZERO_ERROR;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  cal->setTime(static_cast<UDate>(ms), status);
  out.year = cal->get(UCAL_YEAR, status);
  out.month = cal->get(UCAL_MONTH, status) + 1;
  out.day = cal->get(UCAL_DATE, status);
  out.minutes = cal->get(UCAL_HOUR_OF_DAY, status) * 60 + cal->get(UCAL_MINUTE, status);
  out.seconds = cal->get(UCAL_SECOND, status);
  return out;
}

std::chrono::system_clock::time_point from_local(const LocalTime& local, std::string_view time_zone) {
  auto cal = calendar_for(time_zone);
  if (!cal) return {};
  UErrorCode status = U_ZERO_ERROR;
  cal->clear();
  cal->set(local.year, local.month - 1, local.day, local.minutes / 60, local.minutes % 60, local.seconds);
  const UDate ms = cal->getTime(status);
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(static_cast<long long>(ms)));
}

}  // namespace annae::text
