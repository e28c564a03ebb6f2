<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The app's strings are written in Dutch; this catalogue only adds what a source string cannot say: the
     plural forms of counts (%n). Compile with `python tools/make_translations.py` (pyside6-lrelease). -->
<TS version="2.1" language="nl_NL" sourcelanguage="nl_NL">
<context>
    <name>Navigator</name>
    <message numerus="yes">
        <source>%n kaart(en)</source>
        <translation>
            <numerusform>%n kaart</numerusform>
            <numerusform>%n kaarten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; kaart(en)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; kaart</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; kaarten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n probleem/problemen in de inhoud; kaarten met fouten zijn weggelaten.</source>
        <translation>
            <numerusform>%n probleem in de inhoud; kaarten met fouten zijn weggelaten.</numerusform>
            <numerusform>%n problemen in de inhoud; kaarten met fouten zijn weggelaten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notitie(s)</source>
        <translation>
            <numerusform>%n notitie</numerusform>
            <numerusform>%n notities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nog %n stem(men) — druk op spatie om de volgende te tonen.</source>
        <translation>
            <numerusform>Nog %n stem — druk op spatie om die te tonen.</numerusform>
            <numerusform>Nog %n stemmen — druk op spatie om de volgende te tonen.</numerusform>
        </translation>
    </message>
</context>
</TS>
