#include "jsontemplate.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace snaption {
namespace {

std::size_t editDistance(const std::string &a, const std::string &b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string closestKey(const std::string &key, const nlohmann::json &templ)
{
    std::string best;
    std::size_t bestDistance = std::max<std::size_t>(3, key.size() / 3) + 1;
    for (auto it = templ.begin(); it != templ.end(); ++it) {
        const std::size_t distance = editDistance(key, it.key());
        if (distance < bestDistance) {
            bestDistance = distance;
            best = it.key();
        }
    }
    return best;
}

const char *typeName(const nlohmann::json &templ)
{
    if (templ.is_boolean()) return "true or false";
    if (templ.is_number_integer()) return "a whole number";
    if (templ.is_number()) return "a number";
    if (templ.is_string()) return "text";
    if (templ.is_array()) return "a list";
    if (templ.is_object()) return "an object";
    return "null";
}

// A short rendering of the offending value for the message.
std::string shown(const nlohmann::json &value)
{
    std::string text = value.dump();
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return text;
}

class TemplateCheck {
public:
    TemplateCheck(std::string what, ErrorKind kind, const std::set<std::string> &unsignedPaths)
        : m_what(std::move(what)), m_kind(kind), m_unsigned(unsignedPaths)
    {
    }

    void check(const nlohmann::json &value, const nlohmann::json &templ, const std::string &path) const
    {
        if (templ.is_object()) return checkObject(value, templ, path);
        if (templ.is_array()) return checkArray(value, templ, path);
        if (templ.is_boolean() && value.is_boolean()) return;
        if (templ.is_string() && value.is_string()) return;
        if (templ.is_number_float() && value.is_number()) return;
        if (templ.is_number_integer() && isWholeNumber(value)) return checkRange(value, path);
        fail(path, "must be " + std::string(typeName(templ)) + ", not " + shown(value));
    }

private:
    [[noreturn]] void fail(const std::string &path, const std::string &problem) const
    {
        throw Error(m_kind, m_what + ": " + (path.empty() ? std::string("the configuration") : "\"" + path + "\"") + " " + problem);
    }

    static bool isWholeNumber(const nlohmann::json &value)
    {
        if (value.is_number_integer()) return true;
        if (!value.is_number_float()) return false;
        const double number = value.get<double>();
        return std::isfinite(number) && number == std::floor(number);
    }

    void checkRange(const nlohmann::json &value, const std::string &path) const
    {
        const double number = value.get<double>();
        if (m_unsigned.count(path)) {
            if (value.is_number_unsigned()) return;
            if (number < 0 || (value.is_number_integer() && value.get<std::int64_t>() < 0)) fail(path, "must not be negative");
            if (number > double(std::numeric_limits<std::uint64_t>::max())) fail(path, "is too large");
            return;
        }
        if (number < double(std::numeric_limits<int>::min()) || number > double(std::numeric_limits<int>::max()))
            fail(path, "is out of range (" + shown(value) + ")");
    }

    void checkObject(const nlohmann::json &value, const nlohmann::json &templ, const std::string &path) const
    {
        if (!value.is_object()) fail(path, "must be an object, not " + shown(value));
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string child = path.empty() ? it.key() : path + "." + it.key();
            const auto known = templ.find(it.key());
            if (known == templ.end()) {
                const std::string suggestion = closestKey(it.key(), templ);
                throw Error(m_kind, m_what + ": unknown key \"" + child + "\"" + (suggestion.empty() ? "" : " (did you mean \"" + suggestion + "\"?)"));
            }
            check(it.value(), *known, child);
        }
    }

    void checkArray(const nlohmann::json &value, const nlohmann::json &templ, const std::string &path) const
    {
        if (!value.is_array() || value.size() != templ.size())
            fail(path, "must be a list of " + std::to_string(templ.size()) + ", not " + shown(value));
        for (std::size_t i = 0; i < value.size(); ++i) check(value[i], templ[i], path + "[" + std::to_string(i) + "]");
    }

    std::string m_what;
    ErrorKind m_kind;
    const std::set<std::string> &m_unsigned;
};

} // namespace

void checkAgainstTemplate(const nlohmann::json &value, const nlohmann::json &templ, const std::string &what, ErrorKind kind,
                          const std::set<std::string> &unsignedPaths)
{
    TemplateCheck(what, kind, unsignedPaths).check(value, templ, "");
}

nlohmann::json parseJsonObject(const std::string &text, const std::string &what, ErrorKind kind)
{
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception &error) {
        // A syntax error, or a number beyond double (out_of_range 406, found by fuzzing). The
        // message names the place: "syntax error while parsing object - ... at line 1, column 9".
        std::string reason = error.what();
        if (const std::size_t colon = reason.find("] "); colon != std::string::npos) reason = reason.substr(colon + 2);
        throw Error(kind, what + ": not valid JSON (" + reason + ")");
    }
    if (!json.is_object()) throw Error(kind, what + ": not a JSON object");
    return json;
}

} // namespace snaption
