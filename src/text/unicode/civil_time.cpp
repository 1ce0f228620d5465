#include "text/unicode/civil_time.hpp"

#include <unicode/gregocal.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>

#include <ctime>
#include <memory>

namespace annae::text {
namespace {

using std::chrono::system_clock;

std::unique_ptr<icu::Calendar> calendar_for(std::string_view time_zone) {
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone* zone = icu::TimeZone::createTimeZone(
      icu::UnicodeString::fromUTF8(icu::StringPiece(time_zone.data(), static_cast<int32_t>(time_zone.size()))));
  auto cal = std::make_unique<icu::GregorianCalendar>(zone, status);  // adopts zone
  if (U_FAILURE(status)) return nullptr;
  return cal;
}

// The box's own zone is the C library's (TZ, /etc/localtime): the zone the
// journal, `date` and the technician see, which ICU's detection may not match.
CivilTime box_local_civil_time(system_clock::time_point t) {
  const std::time_t tt = system_clock::to_time_t(t);
  std::tm local{};
  localtime_r(&tt, &local);
  return {{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday}, local.tm_hour * 60 + local.tm_min, local.tm_sec};
}

system_clock::time_point box_local_instant(const CivilTime& civil) {
  std::tm local{};
  local.tm_year = civil.date.year - 1900;
  local.tm_mon = civil.date.month - 1;
  local.tm_mday = civil.date.day;
  local.tm_hour = civil.minutes / 60;
  local.tm_min = civil.minutes % 60;
  local.tm_sec = civil.seconds;
  local.tm_isdst = -1;  // let the zone's rules decide
  return system_clock::from_time_t(std::mktime(&local));
}

}  // namespace

CivilTime civil_time_in_zone(system_clock::time_point t, std::string_view time_zone) {
  if (time_zone.empty()) return box_local_civil_time(t);
  CivilTime out;
  auto cal = calendar_for(time_zone);
  if (!cal) return out;
  UErrorCode status = U_ZERO_ERROR;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  cal->setTime(static_cast<UDate>(ms), status);
  out.date = {cal->get(UCAL_YEAR, status), cal->get(UCAL_MONTH, status) + 1, cal->get(UCAL_DATE, status)};
  out.minutes = cal->get(UCAL_HOUR_OF_DAY, status) * 60 + cal->get(UCAL_MINUTE, status);
  out.seconds = cal->get(UCAL_SECOND, status);
  return out;
}

system_clock::time_point instant_in_zone(const CivilTime& civil, std::string_view time_zone) {
  if (time_zone.empty()) return box_local_instant(civil);
  auto cal = calendar_for(time_zone);
  if (!cal) return {};
  UErrorCode status = U_ZERO_ERROR;
  cal->clear();
  cal->set(civil.date.year, civil.date.month - 1, civil.date.day, civil.minutes / 60, civil.minutes % 60,
           civil.seconds);
  const UDate ms = cal->getTime(status);
  return system_clock::time_point(std::chrono::milliseconds(static_cast<long long>(ms)));
}

int minute_of_day_in_zone(system_clock::time_point t, std::string_view zone_or_empty_for_box_local) {
  return civil_time_in_zone(t, zone_or_empty_for_box_local).minutes;
}

int second_of_day_in_zone(system_clock::time_point t, std::string_view zone_or_empty_for_box_local) {
  const CivilTime civil = civil_time_in_zone(t, zone_or_empty_for_box_local);
  return civil.minutes * 60 + civil.seconds;
}

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
  std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createEnumeration(status));
  if (U_FAILURE(status) || !zones) return names;
  while (const char* id = zones->next(nullptr, status)) {
    if (U_FAILURE(status)) break;
    names.emplace_back(id);
  }
  return names;
}

}  // namespace annae::text
