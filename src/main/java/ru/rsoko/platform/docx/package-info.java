@NamedInterface("docx")
package ru.rsoko.platform.docx;

import org.springframework.modulith.NamedInterface;
