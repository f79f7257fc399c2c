#pragma once

namespace snaption {

// Which decoder layer's cross-attention an attention map shows: one layer, the last one, or the
// mean over all layers. A type of its own, so that "the last layer" cannot be mistaken for "the
// mean of the heads" as the old int sentinels (both -1) could.
class LayerChoice {
public:
    static constexpr LayerChoice last() { return LayerChoice(Kind::Last, 0); }
    static constexpr LayerChoice meanOfAll() { return LayerChoice(Kind::Mean, 0); }
    static constexpr LayerChoice layer(int index) { return LayerChoice(Kind::One, index); }

    constexpr bool isLast() const { return m_kind == Kind::Last; }
    constexpr bool isMeanOfAll() const { return m_kind == Kind::Mean; }
    constexpr int index() const { return m_index; } // the layer, for layer(index)
    // The first and last layer (0-based) this choice averages over, of a model with `layers`.
    constexpr int first(int layers) const { return m_kind == Kind::Last ? layers - 1 : (m_kind == Kind::Mean ? 0 : m_index); }
    constexpr int lastOf(int layers) const { return m_kind == Kind::One ? m_index : layers - 1; }
    constexpr bool fits(int layers) const { return m_kind != Kind::One || (m_index >= 0 && m_index < layers); }

    // One number per choice, for combo boxes and settings: the index, -1 the last, -2 the mean.
    constexpr int code() const { return m_kind == Kind::Last ? -1 : (m_kind == Kind::Mean ? -2 : m_index); }
    static constexpr LayerChoice fromCode(int code) { return code == -1 ? last() : (code <= -2 ? meanOfAll() : layer(code)); }

    constexpr bool operator==(const LayerChoice &other) const { return code() == other.code(); }
    constexpr bool operator!=(const LayerChoice &other) const { return !(*this == other); }

private:
    enum class Kind { One, Last, Mean };
    constexpr LayerChoice(Kind kind, int index) : m_kind(kind), m_index(index) {}
    Kind m_kind;
    int m_index;
};

} // namespace snaption
