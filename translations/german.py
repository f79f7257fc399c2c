#!/usr/bin/env python3
"""Fills translations/snaption_de.ts from the German catalogue below and reports any source text
without a translation (exit code 1), so `python3 translations/german.py --check` guards
completeness. Run lupdate first (cmake --build build --target update_translations)."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

GERMAN = {
    # CLI: shared
    "file": "Datei",
    "n": "n",
    "type": "Typ",
    "name": "Name",
    "folder": "Ordner",
    "x": "x",
    "seed": "Startwert",
    "list": "Liste",
    "width": "Breite",
    "k": "k",
    "t": "t",
    "MODEL": "MODELL",
    "IMAGE...": "BILD...",
    "[IMAGE...]": "[BILD...]",
    "error: %1": "Fehler: %1",
    "warning: %1": "Warnung: %1",
    "The model file.": "Die Modelldatei.",
    "The model file (.safetensors).": "Die Modelldatei (.safetensors).",
    "--model is required": "--model fehlt",
    "--precision must be fp32 or int8": "--precision muss fp32 oder int8 sein",
    "Decoder weights: fp32 (exact) or int8 (faster; default %1).": "Decoder-Gewichte: fp32 (exakt) oder int8 (schneller; Standard %1).",
    # bench
    "Measured runs per mode (default 20).": "Gemessene Durchläufe je Modus (Standard 20).",
    "Unmeasured runs first (default 2).": "Ungemessene Durchläufe vorab (Standard 2).",
    "Images per batch for the throughput test (default 8).": "Bilder je Stapel für den Durchsatztest (Standard 8).",
    "Images captioned in a row for the memory test (default 100, 0 = skip).": "Nacheinander beschriebene Bilder für den Speichertest (Standard 100, 0 = überspringen).",
    "Comma-separated modes to measure (default: all of greedy, beam3, greedy_nocache, beam3_nocache).": "Zu messende Modi, durch Kommas getrennt (Standard: alle von greedy, beam3, greedy_nocache, beam3_nocache).",
    "Print the results as one JSON object.": "Die Ergebnisse als ein JSON-Objekt ausgeben.",
    "Images to use (default: a generated 224 x 224 test card).": "Zu verwendende Bilder (Standard: ein erzeugtes Testbild mit 224 x 224 Pixeln).",
    "--model is required; --runs and --batch must be at least 1": "--model fehlt; --runs und --batch müssen mindestens 1 sein",
    "generated test card": "erzeugtes Testbild",
    'unknown mode "%1"': "unbekannter Modus „%1“",
    "Model %1 (%2, %3 parameters, %4 decoder weights), %5 threads, %6 runs per mode": "Modell %1 (%2, %3 Parameter, %4-Decoder-Gewichte), %5 Threads, %6 Durchläufe je Modus",
    "mode             total ms (min/median/p95)   decode  preproc  encoder  decoder  per token  tokens": "Modus            gesamt ms (min/Median/p95)  Dekodier Vorverarb Encoder Decoder je Token Tokens",
    "KV cache speed-up of the decoder: greedy %1x, beam 3 %2x": "Beschleunigung des Decoders durch den KV-Cache: greedy %1x, Beam 3 %2x",
    "Batches of %1: beam 3 %2 images/s, greedy %3 images/s": "Stapel zu %1: Beam 3 %2 Bilder/s, greedy %3 Bilder/s",
    "Memory: %1 images in a row, RSS %2 MB after the first, %3 MB after the last, peak %4 MB": "Speicher: %1 Bilder nacheinander, RSS %2 MB nach dem ersten, %3 MB nach dem letzten, Spitze %4 MB",
    "Measure captioning speed and memory.": "Geschwindigkeit und Speicherbedarf der Bildbeschreibung messen.",
    # caption
    "Print one JSON object per image and line.": "Je Bild eine Zeile mit einem JSON-Objekt ausgeben.",
    "Write one attention overlay PNG per word into <folder>.": "Je Wort ein PNG mit der Aufmerksamkeitskarte in <Ordner> schreiben.",
    "Heatmap colours: viridis (default), inferno or jet.": "Farben der Wärmekarte: viridis (Standard), inferno oder jet.",
    "Heatmap opacity from 0 to 1 (default 0.5).": "Deckkraft der Wärmekarte von 0 bis 1 (Standard 0,5).",
    "Images captioned together (default 8).": "Gemeinsam beschriebene Bilder (Standard 8).",
    "Refuse images larger than this (default 100).": "Größere Bilder ablehnen (Megapixel, Standard 100).",
    "Image files or folders.": "Bilddateien oder Ordner.",
    "no images given (or the folders hold none)": "keine Bilder angegeben (oder die Ordner enthalten keine)",
    "invalid --colormap, --opacity, --batch-size or --max-megapixels value": "ungültiger Wert für --colormap, --opacity, --batch-size oder --max-megapixels",
    "cannot create the folder %1": "der Ordner %1 kann nicht angelegt werden",
    "Caption images (files or folders).": "Bilder beschreiben (Dateien oder Ordner).",
    # command line
    "Usage: snaption-cli [--threads N] <command> [options]\n\nImage captioning with per-word attention heatmaps.\n\nCommands:\n":
        "Aufruf: snaption-cli [--threads N] <Befehl> [Optionen]\n\nBildbeschreibung mit Aufmerksamkeitskarten für jedes Wort.\n\nBefehle:\n",
    "\nGlobal options:\n  --threads N   CPU threads for inference (default: the number of physical cores)\n  --version     Print the version\n  --help        Print this help; `snaption-cli <command> --help` describes a command\n":
        "\nAllgemeine Optionen:\n  --threads N   CPU-Threads für die Inferenz (Standard: Zahl der physischen Kerne)\n  --version     Die Version ausgeben\n  --help        Diese Hilfe ausgeben; `snaption-cli <Befehl> --help` beschreibt einen Befehl\n",
    "--threads needs a number from 1 to 256": "--threads braucht eine Zahl von 1 bis 256",
    'unknown command "%1"; see snaption-cli --help': "unbekannter Befehl „%1“; siehe snaption-cli --help",
    # info
    "Print JSON.": "JSON ausgeben.",
    "give exactly one model file": "genau eine Modelldatei angeben",
    "Model file:      %1": "Modelldatei:     %1",
    "Architecture:    %1": "Architektur:     %1",
    "Encoder:         %1, %2 px input, %3 memory tokens": "Encoder:         %1, Eingabe %2 px, %3 Speicher-Tokens",
    "Decoder:         %1 layers, width %2, %3 heads, feed-forward %4, %5 activation, context %6":
        "Decoder:         %1 Schichten, Breite %2, %3 Köpfe, Feed-Forward %4, Aktivierung %5, Kontext %6",
    "Parameters:      %1 (%2 storage)": "Parameter:       %1 (gespeichert als %2)",
    "Vocabulary:      %1 tokens": "Vokabular:       %1 Tokens",
    "Provenance:      %1: %2": "Herkunft:        %1: %2",
    "Describe a model file.": "Eine Modelldatei beschreiben.",
    # init-model
    "Image encoder: efficientnet_b0 (default) or mobilenet_v2.": "Bild-Encoder: efficientnet_b0 (Standard) oder mobilenet_v2.",
    "Start the encoder from these weights (.safetensors).": "Den Encoder mit diesen Gewichten beginnen (.safetensors).",
    "Decoder layers (default 6).": "Decoder-Schichten (Standard 6).",
    "Decoder width (default 512).": "Decoder-Breite (Standard 512).",
    "Attention heads (default 16).": "Aufmerksamkeitsköpfe (Standard 16).",
    "Feed-forward size (default 1024).": "Größe der Feed-Forward-Schicht (Standard 1024).",
    "Context length in tokens, <START> included (default 20).": "Kontextlänge in Tokens, einschließlich <START> (Standard 20).",
    "Build the vocabulary from a text file, one caption per line.": "Das Vokabular aus einer Textdatei bilden, eine Beschreibung je Zeile.",
    "Leave out words seen fewer times (default 1).": "Seltener gesehene Wörter auslassen (Standard 1).",
    "Use a vocabulary file (a JSON list of tokens).": "Eine Vokabulardatei verwenden (eine JSON-Liste von Tokens).",
    "Random seed (default 0).": "Zufallsstartwert (Standard 0).",
    "Weight storage: f32 (default) or f16 (half the size).": "Speicherung der Gewichte: f32 (Standard) oder f16 (halbe Größe).",
    "The model file to write.": "Die zu schreibende Modelldatei.",
    "--out is required": "--out fehlt",
    "give exactly one of --vocab and --vocab-from-captions": "genau eines von --vocab und --vocab-from-captions angeben",
    "--storage must be f32 or f16": "--storage muss f32 oder f16 sein",
    "--layers, --dim, --heads, --ff, --context and --seed need whole numbers": "--layers, --dim, --heads, --ff, --context und --seed brauchen ganze Zahlen",
    "random initialisation (seed %1)": "zufällige Initialisierung (Startwert %1)",
    "Wrote %1: %2 + %3 decoder layers, %4 parameters, %5 words.": "%1 geschrieben: %2 + %3 Decoder-Schichten, %4 Parameter, %5 Wörter.",
    "Create a randomly initialised model file.": "Eine zufällig initialisierte Modelldatei anlegen.",
    # classify
    "class %1": "Klasse %1",
    "Encoder weights: .safetensors, torch.save .pth/.pt (timm or torchvision names) or a TFLite MobileNetV2.":
        "Encoder-Gewichte: .safetensors, torch.save .pth/.pt (timm- oder torchvision-Namen) oder ein TFLite-MobileNetV2.",
    "Class names, one per line (default: class numbers).": "Klassennamen, einer je Zeile (Standard: Klassennummern).",
    "How many classes to print per image (default 5).": "Wie viele Klassen je Bild ausgegeben werden (Standard 5).",
    "give --encoder-weights, at least one image, and --top of at least 1": "--encoder-weights, mindestens ein Bild und --top von mindestens 1 angeben",
    "cannot read the labels file %1": "die Datei mit den Klassennamen %1 kann nicht gelesen werden",
    "Classify images with pretrained encoder weights.": "Bilder mit vortrainierten Encoder-Gewichten klassifizieren.",
    # import-seed
    "Reads pretrained_weights.pt (a state_dict or a trainer checkpoint) and vocab_mapper.pkl without running any code from them.":
        "Liest pretrained_weights.pt (ein state_dict oder einen Trainings-Checkpoint) und vocab_mapper.pkl, ohne Code daraus auszuführen.",
    "The torch.save file of the Python model (pretrained_weights.pt).": "Die torch.save-Datei des Python-Modells (pretrained_weights.pt).",
    "The pickled VocabMapper (vocab_mapper.pkl).": "Der gepickelte VocabMapper (vocab_mapper.pkl).",
    "--weights, --vocab and --out are required": "--weights, --vocab und --out sind nötig",
    "Python Snaption model %1 with vocabulary %2": "Python-Snaption-Modell %1 mit Vokabular %2",
    "Wrote %1: original Snaption architecture, %2 parameters, %3 words.": "%1 geschrieben: ursprüngliche Snaption-Architektur, %2 Parameter, %3 Wörter.",
    "Import a model of the original Python Snaption.": "Ein Modell des ursprünglichen Python-Snaption importieren.",
    "Start from pretrained encoder weights (.safetensors, torch.save .pth, TFLite MobileNetV2); they also choose the encoder.":
        "Mit vortrainierten Encoder-Gewichten beginnen (.safetensors, torch.save .pth, TFLite-MobileNetV2); sie bestimmen auch den Encoder.",
    # decoding
    "Pick the most likely word at each step.": "In jedem Schritt das wahrscheinlichste Wort wählen.",
    "Beam search with <width> hypotheses (default 3).": "Strahlsuche mit <Breite> Hypothesen (Standard 3).",
    "Sample words at random (see --top-k, --temperature, --seed).": "Wörter zufällig ziehen (siehe --top-k, --temperature, --seed).",
    "Sample only among the <k> most likely words (0 = all).": "Nur unter den <k> wahrscheinlichsten Wörtern ziehen (0 = alle).",
    "Sampling temperature (default 1).": "Temperatur beim Ziehen (Standard 1).",
    "Random seed for sampling (default 0).": "Zufallsstartwert beim Ziehen (Standard 0).",
    "choose one of --greedy, --beam and --sample": "eines von --greedy, --beam und --sample wählen",
    "--beam, --top-k, --temperature and --seed need numbers": "--beam, --top-k, --temperature und --seed brauchen Zahlen",
}


def main():
    path = Path(__file__).with_name("snaption_de.ts")
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in GERMAN:
            translation.text = GERMAN[source]
            translation.attrib.pop("type", None)
        elif not (translation.text and translation.get("type") != "unfinished"):
            missing.append(source)
    if "--check" not in sys.argv:
        tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"missing German translation: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
