@NamedInterface("demo")
package ru.rsoko.platform.demo;

import org.springframework.modulith.NamedInterface;
