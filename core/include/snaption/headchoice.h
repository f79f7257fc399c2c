#pragma once

namespace snaption {

// Which attention head of a layer an attention map shows: one head or the mean over all heads.
class HeadChoice {
public:
    static constexpr HeadChoice meanOfAll() { return HeadChoice(-1); }
    static constexpr HeadChoice head(int index) { return HeadChoice(index < 0 ? 0 : index); }

    constexpr bool isMeanOfAll() const { return m_index < 0; }
    constexpr int index() const { return m_index; } // the head, for head(index)
    constexpr int first(int heads) const { return isMeanOfAll() ? 0 : m_index; }
    constexpr int lastOf(int heads) const { return isMeanOfAll() ? heads - 1 : m_index; }
    constexpr bool fits(int heads) const { return isMeanOfAll() || m_index < heads; }

    // One number per choice, for combo boxes and settings: the index, or -1 for the mean.
    constexpr int code() const { return m_index; }
    static constexpr HeadChoice fromCode(int code) { return code < 0 ? meanOfAll() : head(code); }

    constexpr bool operator==(const HeadChoice &other) const { return m_index == other.m_index; }
    constexpr bool operator!=(const HeadChoice &other) const { return !(*this == other); }

private:
    constexpr explicit HeadChoice(int index) : m_index(index) {}
    int m_index;
};

} // namespace snaption
